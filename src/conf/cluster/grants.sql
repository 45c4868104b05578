-- The database accounts of a deployment with several hosts
-- (docs/cluster.md), as src/cluster.sh makes them on one machine. Run as
-- the server's administrator (mariadb over the Unix socket), in two parts:
-- part 1 on every database server, part 2 once, on the primary.
--
-- Placeholders to edit first: the passwords (CHANGE-ME-...), the database
-- servers' addresses 192.0.2.31, .32, .33 and the app hosts' 192.0.2.21,
-- .22 (one account per app host, from its DB.Bind address). The schema's
-- owner, which applies the migrations, is made as on one host (README,
-- "Deploying behind a production nginx", step 2), on the primary.

-- Part 1, on every database server, before replication starts: the
-- account the replicas connect with, from each server's address, since
-- any of them may become the primary. Kept out of the binary log: each
-- server makes its own, and no replica must receive it as a transaction.
SET sql_log_bin = 0;
CREATE USER IF NOT EXISTS 'jdxx_repl'@'192.0.2.31'
    IDENTIFIED BY 'CHANGE-ME-replication-password' REQUIRE SSL;
CREATE USER IF NOT EXISTS 'jdxx_repl'@'192.0.2.32'
    IDENTIFIED BY 'CHANGE-ME-replication-password' REQUIRE SSL;
CREATE USER IF NOT EXISTS 'jdxx_repl'@'192.0.2.33'
    IDENTIFIED BY 'CHANGE-ME-replication-password' REQUIRE SSL;
GRANT REPLICATION SLAVE, SLAVE MONITOR ON *.* TO 'jdxx_repl'@'192.0.2.31';
GRANT REPLICATION SLAVE, SLAVE MONITOR ON *.* TO 'jdxx_repl'@'192.0.2.32';
GRANT REPLICATION SLAVE, SLAVE MONITOR ON *.* TO 'jdxx_repl'@'192.0.2.33';
SET sql_log_bin = 1;

-- Part 2, once, on the primary (the replicas receive it): each app host's
-- own account, from its own address, over TLS only. Rows, and the
-- replicas' state (SHOW REPLICA STATUS, to judge their lag); no DDL, no
-- FILE, nothing else. read_only keeps these accounts from writing to a
-- replica. The binary log (and so every backup of it) keeps these
-- statements as written: to keep the passwords out of it, give each as
-- its hash instead, IDENTIFIED BY PASSWORD '*...' from SELECT
-- PASSWORD('...') run on the server beforehand.
CREATE USER IF NOT EXISTS 'jdxx_app1'@'192.0.2.21'
    IDENTIFIED BY 'CHANGE-ME-app1-database-password' REQUIRE SSL;
GRANT SELECT, INSERT, UPDATE, DELETE ON jdxx.* TO 'jdxx_app1'@'192.0.2.21';
GRANT SLAVE MONITOR ON *.* TO 'jdxx_app1'@'192.0.2.21';

CREATE USER IF NOT EXISTS 'jdxx_app2'@'192.0.2.22'
    IDENTIFIED BY 'CHANGE-ME-app2-database-password' REQUIRE SSL;
GRANT SELECT, INSERT, UPDATE, DELETE ON jdxx.* TO 'jdxx_app2'@'192.0.2.22';
GRANT SLAVE MONITOR ON *.* TO 'jdxx_app2'@'192.0.2.22';
