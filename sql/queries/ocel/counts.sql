-- The OCEL figures of a log. attribute_rows = object_changes rows = OCEL object attribute entries
-- (initial values and timed changes; Rust4PM's "object attribute" count).
SELECT (SELECT count(*) FROM events WHERE log_id = $log_id)::INTEGER AS events,
       (SELECT count(*) FROM objects WHERE log_id = $log_id)::INTEGER AS objects,
       (SELECT count(DISTINCT activity) FROM events WHERE log_id = $log_id)::INTEGER AS event_types,
       (SELECT count(DISTINCT object_type) FROM objects WHERE log_id = $log_id)::INTEGER AS object_types,
       (SELECT count(*) FROM event_object WHERE log_id = $log_id)::INTEGER AS e2o,
       (SELECT count(*) FROM object_object WHERE log_id = $log_id)::INTEGER AS o2o,
       (SELECT count(*) FROM object_changes WHERE log_id = $log_id)::INTEGER AS attribute_rows;
