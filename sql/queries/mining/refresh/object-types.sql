-- The object types of a log that have events (the perspectives of an object-centric log).
SELECT o.object_type
FROM objects o SEMI JOIN event_object eo ON eo.log_id = o.log_id AND eo.object_id = o.object_id
WHERE o.log_id = $log_id
GROUP BY o.object_type
ORDER BY count(*) DESC, o.object_type
