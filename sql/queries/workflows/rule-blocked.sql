-- Rows a rule must not request again: a run of the playbook still open, or succeeded and not yet
-- found fixed (not checked, or still open: acting again would repeat what the system accepted).
-- A row fixed and back (reopened), or whose run was cancelled, may be requested again.
SELECT case_id, object_id FROM workflow_runs
WHERE playbook_id = $playbook_id AND log_id = $log_id
  AND (state NOT IN ('succeeded', 'cancelled') OR (state = 'succeeded' AND coalesce(outcome, 'still_open') = 'still_open'))
