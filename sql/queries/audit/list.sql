-- A page of entries, newest first, optionally narrowed by actor, action (prefix) and time.
SELECT seq::BIGINT AS seq, recorded_at AS "at", actor, action, target, detail, hash
FROM audit_log
WHERE ($actor::VARCHAR IS NULL OR actor = $actor)
  AND ($action::VARCHAR IS NULL OR starts_with(action, $action))
  AND ($from::VARCHAR IS NULL OR recorded_at >= $from)
  AND ($to::VARCHAR IS NULL OR recorded_at < $to)
ORDER BY seq DESC
LIMIT $limit OFFSET $offset;
