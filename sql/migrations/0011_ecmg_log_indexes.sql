-- The CW log by generator and peer socket (the panel's peer CW log) and by time (age-out).
ALTER TABLE `tvcas_ecmg_log`
  ADD INDEX IF NOT EXISTS `ecmg_sock` (`ecmg_id`, `sock`, `id`),
  ADD INDEX IF NOT EXISTS `time` (`time`);
