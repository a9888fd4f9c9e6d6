-- Attribute history in time order; rowid (load order) breaks ties.
SELECT object_id, epoch_ms(ts) AS ts_ms, field, old_value, new_value
FROM object_changes WHERE log_id = $log_id ORDER BY object_id, ts, rowid;
