-- Ids of committed write transactions: a replayed transaction that meets its own id (1062) knows
-- its first attempt committed (decisions.md §9). Rows older than a day are deleted.
CREATE TABLE IF NOT EXISTS `tvcas_requests` (
  `request_id` varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  `done_at` int(10) unsigned NOT NULL,
  PRIMARY KEY (`request_id`),
  KEY `done_at` (`done_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
