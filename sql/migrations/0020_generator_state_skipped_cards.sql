-- The card rows an EMMG skipped in its last cycle (invalid key or access criteria, NULL dates),
-- for the panel, apart from `last_error` (decisions.md §3).
ALTER TABLE `tvcas_generator_state` ADD COLUMN IF NOT EXISTS `skipped_cards` text DEFAULT NULL AFTER `queue_size`;
