DELETE FROM activity_instances WHERE log_id = $log_id
