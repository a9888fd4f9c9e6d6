SELECT l.kind, l.name, (SELECT count(*) FROM events e WHERE e.log_id = $log_id)::BIGINT AS events
FROM logs l WHERE l.log_id = $log_id
