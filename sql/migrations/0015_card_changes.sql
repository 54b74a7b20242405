-- The change queue for the EMMGs: one row per card changed by a transaction (decisions.md §3, §8).
-- (request_id, serial_no) is unique, so a retried transaction cannot queue a change twice.
CREATE TABLE IF NOT EXISTS `tvcas_card_changes` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `serial_no` int(10) unsigned NOT NULL,
  `fields` varchar(255) NOT NULL DEFAULT '',
  `source` varchar(8) NOT NULL,
  `changed_at` int(10) unsigned NOT NULL,
  `request_id` varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `request_serial` (`request_id`, `serial_no`),
  KEY `changed_at` (`changed_at`),
  KEY `serial_no` (`serial_no`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
