-- Codes for the log's activities not coded yet (existing codes never change, so saved filters and
-- notebooks that use codes stay valid after new data arrives).
INSERT INTO log_activities (log_id, act, activity)
SELECT $log_id,
       (SELECT coalesce(max(act), 0) FROM log_activities WHERE log_id = $log_id) + row_number() OVER (ORDER BY activity),
       activity
FROM (SELECT DISTINCT activity FROM events WHERE log_id = $log_id) a
WHERE activity NOT IN (SELECT activity FROM log_activities WHERE log_id = $log_id)
