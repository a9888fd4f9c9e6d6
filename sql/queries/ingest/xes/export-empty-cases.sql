-- Case objects without events (empty traces), for XES export.
SELECT o.object_id AS case_id, coalesce(o.attrs, '{}')::VARCHAR AS case_attrs
FROM objects o
WHERE o.log_id = $log_id AND o.object_type = 'case'
  AND NOT EXISTS (SELECT 1 FROM event_object eo WHERE eo.log_id = $log_id AND eo.object_id = o.object_id)
ORDER BY o.object_id
