-- Runs of a playbook not finished yet (a second request on the same row would act twice).
SELECT id, log_id, case_id, object_id, state FROM workflow_runs
WHERE playbook_id = $playbook_id AND state NOT IN ('succeeded', 'cancelled')
