/// The `my.cnf` of one node of the test cluster: the lean single-machine configuration of
/// galera-notes.md (§1, §5, §8) with `wsrep_mode = STRICT_REPLICATION,REQUIRED_PRIMARY_KEY`, so a
/// schema mistake (a MyISAM table, a table without a primary key) fails loudly.
public struct GaleraNodeConfiguration: Sendable {
    /// The node's name (`n1` …).
    public var name: String
    /// The node's folder (data, tmp, socket, pid file and logs inside).
    public var directory: String
    /// The node's ports.
    public var ports: GaleraNodePorts
    /// The Galera ports of every node of the cluster (`gcomm://` address).
    public var peerGaleraPorts: [Int]
    /// The cluster's name.
    public var clusterName: String
    /// `innodb_flush_log_at_trx_commit`: 0 for speed, 1 when a test crashes the whole cluster.
    public var flushLogAtCommit: Int = 0

    /// The provider options: each node needs its own listen and IST address on one machine.
    public var providerOptions: String {
        "gmcast.listen_addr=tcp://127.0.0.1:\(ports.galera);ist.recv_addr=127.0.0.1:\(ports.ist);"
            + "gcache.size=32M;gcache.page_size=16M;evs.suspect_timeout=PT5S;evs.inactive_timeout=PT10S"
    }

    /// The file's text.
    public var text: String {
        let peers = peerGaleraPorts.map { "127.0.0.1:\($0)" }.joined(separator: ",")
        return """
            [mysqld]
            user                     = mysql
            datadir                  = \(directory)/data
            tmpdir                   = \(directory)/tmp
            socket                   = \(directory)/mysqld.sock
            pid-file                 = \(directory)/mysqld.pid
            log-error                = \(directory)/err.log
            port                     = \(ports.sql)
            bind-address             = 127.0.0.1
            skip-name-resolve
            character-set-server     = utf8mb4
            collation-server         = utf8mb4_unicode_ci
            innodb_buffer_pool_size  = 32M
            innodb_log_file_size     = 16M
            innodb_log_buffer_size   = 2M
            aria_pagecache_buffer_size = 1M
            key_buffer_size          = 1M
            table_open_cache         = 200
            table_definition_cache   = 400
            performance_schema       = OFF
            max_connections          = 200
            binlog_format            = ROW
            default_storage_engine   = InnoDB
            innodb_autoinc_lock_mode = 2
            innodb_flush_log_at_trx_commit = \(flushLogAtCommit)
            wsrep_on                 = ON
            wsrep_provider           = /usr/lib/galera/libgalera_smm.so
            wsrep_cluster_name       = \(clusterName)
            wsrep_cluster_address    = gcomm://\(peers)
            wsrep_node_name          = \(name)
            wsrep_node_address       = 127.0.0.1:\(ports.galera)
            wsrep_node_incoming_address = 127.0.0.1:\(ports.sql)
            wsrep_provider_options   = "\(providerOptions)"
            wsrep_sst_method         = rsync
            wsrep_sst_receive_address = 127.0.0.1:\(ports.sst)
            wsrep_slave_threads      = 1
            wsrep_mode               = STRICT_REPLICATION,REQUIRED_PRIMARY_KEY

            """
    }
}
