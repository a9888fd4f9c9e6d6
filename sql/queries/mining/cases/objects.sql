-- The given objects ($ids: JSON list) with their type, current attributes and source record.
SELECT o.object_id, o.object_type, o.attrs::VARCHAR AS attrs, o.source_system, o.source_key
FROM objects o
WHERE o.log_id = $log_id AND o.object_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]')))
ORDER BY o.object_type, o.object_id
