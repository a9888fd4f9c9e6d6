-- Succeeded runs of a log whose outcome can still change (closing the loop, workflows/outcomes.ts):
-- not checked yet, still open, or fixed (it may come back). Reopened is final.
SELECT id, case_id, object_id, queue, outcome FROM workflow_runs
WHERE log_id = $log_id AND state = 'succeeded' AND queue IS NOT NULL AND case_id IS NOT NULL
  AND coalesce(outcome, '') <> 'reopened'
ORDER BY id
