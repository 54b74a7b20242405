-- tvcas_logs: InnoDB (transactions, crash safety, Galera) and utf8mb4 (4-byte characters).
-- Lossless: utf8mb3 text converts to utf8mb4 unchanged; TEXT columns may widen to MEDIUMTEXT.
ALTER TABLE `tvcas_logs` ENGINE=InnoDB, CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
