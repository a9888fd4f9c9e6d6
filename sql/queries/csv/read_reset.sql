-- Before a read: no reject tables left from an earlier read on this connection.
DROP TABLE IF EXISTS csv_rej_errors;
DROP TABLE IF EXISTS csv_rej_scans;
CREATE OR REPLACE TEMP TABLE csv_read_rejects (line INTEGER, field VARCHAR, reason VARCHAR, raw VARCHAR);
