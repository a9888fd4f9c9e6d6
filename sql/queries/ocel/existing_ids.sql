-- Ids a log already holds (an import skips them: loading the same file twice adds nothing).
SELECT 'event' AS what, event_id AS id FROM events WHERE log_id = $log_id
UNION ALL
SELECT 'object', object_id FROM objects WHERE log_id = $log_id;
