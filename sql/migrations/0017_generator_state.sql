-- Runtime state of each generator for the panels, and the run lease of the supervisor that runs
-- it (`host`, `lease_until`: renewed every 2 s, valid 10 s; decisions.md §3, §8).
CREATE TABLE IF NOT EXISTS `tvcas_generator_state` (
  `kind` varchar(4) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  `generator_id` int(10) unsigned NOT NULL,
  `host` varchar(255) NOT NULL DEFAULT '',
  `lease_until` int(10) unsigned NOT NULL DEFAULT 0,
  `pid` int(10) unsigned DEFAULT NULL,
  `started_at` int(10) unsigned DEFAULT NULL,
  `restarts` int(10) unsigned NOT NULL DEFAULT 0,
  `last_exit` varchar(255) DEFAULT NULL,
  `last_error` text DEFAULT NULL,
  `peers` text DEFAULT NULL,
  `cycle_seconds` int(10) unsigned DEFAULT NULL,
  `queue_size` int(10) unsigned DEFAULT NULL,
  `updated_at` int(10) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (`kind`, `generator_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
