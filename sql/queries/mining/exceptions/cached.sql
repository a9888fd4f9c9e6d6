-- A log's stored exception rows (the source rows.sql reads when the store is writable).
SELECT * FROM exception_rows WHERE log_id = $log_id
