DELETE FROM exception_rows WHERE log_id = $log_id
