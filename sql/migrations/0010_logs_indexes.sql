-- The system log by time (paging, retention) and by type (important entries).
ALTER TABLE `tvcas_logs`
  ADD INDEX IF NOT EXISTS `time` (`time`),
  ADD INDEX IF NOT EXISTS `type` (`type`);
