-- Succeeded runs of a log whose row was found gone at the last check (savings.ts), by the time the
-- run succeeded (updated_at: the state's change), half-open [$from, $to); NULL = no bound.
SELECT id, playbook_id, case_id, object_id, amount, currency, warehouse, segment,
       age_at_request_s, baseline_age_s
FROM workflow_runs
WHERE log_id = $log_id AND state = 'succeeded' AND outcome = 'fixed'
  AND ($from::TIMESTAMP IS NULL OR updated_at >= $from::TIMESTAMP)
  AND ($to::TIMESTAMP IS NULL OR updated_at < $to::TIMESTAMP)
ORDER BY id
