-- One row per dispute object with an Open Dispute: when it was first opened and last resolved
-- (table dispute_facts). Parameters: $log_id.
INSERT INTO dispute_facts (log_id, dispute_id, opened_ts, resolved_ts)
SELECT $log_id, eo.object_id,
       min(e.ts) FILTER (WHERE e.activity = 'Open Dispute'),
       max(e.ts) FILTER (WHERE e.activity = 'Resolve Dispute')
FROM events e
JOIN event_object eo ON eo.log_id = e.log_id AND eo.event_id = e.event_id
WHERE e.log_id = $log_id AND e.activity IN ('Open Dispute', 'Resolve Dispute') AND eo.object_id LIKE 'dispute:%'
GROUP BY eo.object_id
HAVING min(e.ts) FILTER (WHERE e.activity = 'Open Dispute') IS NOT NULL
