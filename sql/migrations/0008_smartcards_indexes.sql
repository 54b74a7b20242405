-- Cards by last edit (the EMMG's 7-day window), by subscription end and by start.
ALTER TABLE `tvcas_smartcards`
  ADD INDEX IF NOT EXISTS `edit` (`edit`),
  ADD INDEX IF NOT EXISTS `finish` (`finish`),
  ADD INDEX IF NOT EXISTS `start` (`start`);
