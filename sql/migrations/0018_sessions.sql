-- Panel sessions (decisions.md §5, §8).
CREATE TABLE IF NOT EXISTS `tvcas_sessions` (
  `id` varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  `role` varchar(8) NOT NULL,
  `csrf_token` varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
  `ip` varchar(45) NOT NULL DEFAULT '',
  `created_at` int(10) unsigned NOT NULL,
  `last_seen_at` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  KEY `last_seen_at` (`last_seen_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
