DELETE FROM log_attributes WHERE log_id = $log_id
