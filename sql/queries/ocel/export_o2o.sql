SELECT source_id, target_id, qualifier FROM object_object WHERE log_id = $log_id ORDER BY source_id, target_id, qualifier;
