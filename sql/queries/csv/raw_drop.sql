-- The file's rows as read are no longer needed once csv_rows and csv_rejects are built.
DROP VIEW IF EXISTS csv_numbered;
DROP VIEW IF EXISTS csv_source;
DROP TABLE IF EXISTS csv_raw;
