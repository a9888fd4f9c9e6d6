-- The log-level content of an imported file (sql/schema/034_xes.sql), in file order.
SELECT scope, key, value::VARCHAR AS value FROM log_attributes WHERE log_id = $log_id ORDER BY ord
