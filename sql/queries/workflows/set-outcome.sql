-- One check's outcome for the runs $ids (comma-separated), one statement per outcome and queue. The first check that finds the row gone keeps its time (cleared_at) and the
-- queue's median open age then (baseline_age_s); later checks do not move them. updated_at is the
-- state's change time and stays as it is.
UPDATE workflow_runs SET
  outcome = $outcome,
  outcome_checked_at = $at::TIMESTAMP,
  cleared_at = CASE WHEN $outcome = 'fixed' THEN coalesce(cleared_at, $at::TIMESTAMP) ELSE cleared_at END,
  baseline_age_s = CASE WHEN $outcome = 'fixed' THEN coalesce(baseline_age_s, $baseline::DOUBLE) ELSE baseline_age_s END
WHERE list_contains(string_split($ids, ','), id)
