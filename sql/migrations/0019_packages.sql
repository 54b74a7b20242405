-- Names of the 32 packages, one per bit of a card's access criteria (decisions.md §8).
CREATE TABLE IF NOT EXISTS `tvcas_packages` (
  `bit` tinyint(3) unsigned NOT NULL,
  `name` varchar(64) NOT NULL DEFAULT '',
  PRIMARY KEY (`bit`),
  CONSTRAINT `bit_range` CHECK (`bit` < 32)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
