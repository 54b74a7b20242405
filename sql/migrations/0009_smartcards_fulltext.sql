-- Full-text search over the subscriber's name and notes (the panels' search box).
ALTER TABLE `tvcas_smartcards` ADD FULLTEXT INDEX IF NOT EXISTS `name_info` (`name`, `info`);
