-- The cards created lately: the "Print labels" button on every list page and the labels page
-- look them up by `c_time` (without an index, a scan of every card when there are none).
ALTER TABLE `tvcas_smartcards` ADD INDEX IF NOT EXISTS `c_time` (`c_time`);
