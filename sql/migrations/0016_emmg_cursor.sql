-- Each EMMG's place in the change queue (decisions.md §3, §8).
CREATE TABLE IF NOT EXISTS `tvcas_emmg_cursor` (
  `emmg_id` int(10) unsigned NOT NULL,
  `last_change_id` bigint(20) unsigned NOT NULL DEFAULT 0,
  `updated_at` int(10) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (`emmg_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
