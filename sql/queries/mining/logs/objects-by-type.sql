SELECT log_id, object_type, count(DISTINCT object_id)::BIGINT AS n
FROM objects GROUP BY log_id, object_type ORDER BY log_id, object_type
