-- The import's and preview's temp tables, views and macros.
DROP VIEW IF EXISTS csv_ev;
DROP VIEW IF EXISTS csv_numbered;
DROP VIEW IF EXISTS csv_source;
DROP TABLE IF EXISTS csv_raw;
DROP TABLE IF EXISTS csv_rows;
DROP TABLE IF EXISTS csv_num;
DROP TABLE IF EXISTS csv_present;
DROP TABLE IF EXISTS csv_rejects;
DROP TABLE IF EXISTS csv_read_rejects;
DROP TABLE IF EXISTS csv_adjust;
DROP TABLE IF EXISTS csv_rej_errors;
DROP TABLE IF EXISTS csv_rej_scans;
DROP MACRO IF EXISTS csv_ts;
DROP MACRO IF EXISTS csv_local;
