-- The time range an SLA evaluation needs: first and last event of the log (as of = the last).
SELECT epoch(min(ts)) AS first_s, epoch(max(ts)) AS last_s, strftime(max(ts), '%Y-%m-%dT%H:%M:%S.%fZ') AS as_of
FROM events WHERE log_id = $log_id
