-- The recorded state of one case view (empty when it was never built).
SELECT fingerprint, strftime(refreshed_at, '%Y-%m-%dT%H:%M:%SZ') AS refreshed_at, cases, case_events, seconds
FROM case_view_state WHERE log_id = $log_id AND perspective = $perspective
