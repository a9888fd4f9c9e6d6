SELECT object_id, object_type, attrs::VARCHAR AS attrs FROM objects WHERE log_id = $log_id ORDER BY object_type, object_id;
