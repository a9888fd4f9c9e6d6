-- First and last event of a log.
SELECT strftime(min(ts), '%Y-%m-%dT%H:%M:%SZ') AS first_event,
       strftime(max(ts), '%Y-%m-%dT%H:%M:%SZ') AS last_event,
       count(*)::BIGINT AS events
FROM events WHERE log_id = $log_id
