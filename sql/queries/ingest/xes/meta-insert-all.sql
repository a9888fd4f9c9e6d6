-- All log-level rows of an imported file at once: $rows is a JSON array of {scope, ord, key, value}.
INSERT INTO log_attributes (log_id, scope, ord, key, value)
SELECT $log_id, r->>'scope', (r->>'ord')::INTEGER, r->>'key', r->'value'
FROM (SELECT unnest(from_json($rows::JSON, '["JSON"]')) AS r)
