-- Relations (object_object) among the given objects ($ids: JSON list).
WITH ids AS (SELECT unnest(from_json($ids, '["VARCHAR"]')) AS id)
SELECT DISTINCT source_id, target_id, qualifier
FROM object_object
WHERE log_id = $log_id AND source_id IN (SELECT id FROM ids) AND target_id IN (SELECT id FROM ids)
ORDER BY source_id, target_id, qualifier
