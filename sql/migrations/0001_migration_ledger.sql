-- The ledger of applied migrations and the lease that serialises concurrent `tvcas migrate` runs
-- (decisions.md §7, §8). Re-runnable: `tvcas migrate` runs this file before it takes the lease.
CREATE TABLE IF NOT EXISTS `tvcas_schema_migrations` (
  `version` int(10) unsigned NOT NULL,
  `name` varchar(128) NOT NULL,
  `checksum` char(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  `applied_at` int(10) unsigned NOT NULL,
  PRIMARY KEY (`version`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS `tvcas_schema_lock` (
  `id` tinyint(3) unsigned NOT NULL,
  `owner` varchar(255) NOT NULL DEFAULT '',
  `lease_until` int(10) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
