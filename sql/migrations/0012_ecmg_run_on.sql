-- Where an ECMG row may run: empty = any host, else a comma list of host names (decisions.md §3).
ALTER TABLE `tvcas_ecmg` ADD COLUMN IF NOT EXISTS `run_on` varchar(255) NOT NULL DEFAULT '';
