-- The panels' list sorted by a column with keyset pagination (issue 12): each order is
-- (column, serial_no), read from an index in order, a page at a time, on a million cards.
ALTER TABLE `tvcas_smartcards`
  ADD INDEX IF NOT EXISTS `sort_name` (`name`, `serial_no`),
  ADD INDEX IF NOT EXISTS `sort_access_criteria` (`access_criteria`, `serial_no`),
  ADD INDEX IF NOT EXISTS `sort_type` (`type`, `serial_no`),
  ADD INDEX IF NOT EXISTS `sort_pair` (`pair`, `serial_no`),
  ADD INDEX IF NOT EXISTS `sort_start` (`start`, `serial_no`),
  ADD INDEX IF NOT EXISTS `sort_finish` (`finish`, `serial_no`),
  ADD INDEX IF NOT EXISTS `sort_edit` (`edit`, `serial_no`);
