-- Before a read: nothing left from an earlier read on this connection.
DROP TABLE IF EXISTS csv_rej_errors;
DROP TABLE IF EXISTS csv_rej_scans;
DROP VIEW IF EXISTS csv_numbered;
DROP VIEW IF EXISTS csv_source;
DROP TABLE IF EXISTS csv_raw;
CREATE OR REPLACE TEMP TABLE csv_read_rejects (line INTEGER, field VARCHAR, reason VARCHAR, raw VARCHAR);
