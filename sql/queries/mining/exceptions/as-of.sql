-- The moment the exception queues are "as of": the newest event of the log.
SELECT max(ts) AS as_of, strftime(max(ts), '%Y-%m-%dT%H:%M:%SZ') AS as_of_iso FROM events WHERE log_id = $log_id
