DROP TABLE IF EXISTS csv_rej_errors;
DROP TABLE IF EXISTS csv_rej_scans;
