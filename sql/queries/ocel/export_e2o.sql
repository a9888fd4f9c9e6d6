SELECT event_id, object_id, qualifier FROM event_object WHERE log_id = $log_id ORDER BY event_id, object_id, qualifier;
