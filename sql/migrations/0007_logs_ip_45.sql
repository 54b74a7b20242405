-- tvcas_logs.ip widened from 15 to 45 characters, so that IPv6 client addresses fit.
ALTER TABLE `tvcas_logs` MODIFY `ip` varchar(45) NOT NULL;
