-- Where an EMMG row may run (as for ECMGs), and its SimulCrypt data_channel_id, data_stream_id
-- and data_id, which the original always sent as 1 (decisions.md §8).
ALTER TABLE `tvcas_emmg`
  ADD COLUMN IF NOT EXISTS `run_on` varchar(255) NOT NULL DEFAULT '',
  ADD COLUMN IF NOT EXISTS `data_channel_id` smallint(5) unsigned NOT NULL DEFAULT 1,
  ADD COLUMN IF NOT EXISTS `data_stream_id` smallint(5) unsigned NOT NULL DEFAULT 1,
  ADD COLUMN IF NOT EXISTS `data_id` smallint(5) unsigned NOT NULL DEFAULT 1;
