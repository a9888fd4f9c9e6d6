SELECT count(*)::INTEGER AS n
FROM audit_log
WHERE ($actor::VARCHAR IS NULL OR actor = $actor)
  AND ($action::VARCHAR IS NULL OR starts_with(action, $action))
  AND ($from::VARCHAR IS NULL OR recorded_at >= $from)
  AND ($to::VARCHAR IS NULL OR recorded_at < $to);
