-- Closing the loop (workflows/outcomes.ts): after each ingest a succeeded run's exception row is
-- looked up again. exception_since: when the row started waiting (kept at request, since the row is
-- gone once fixed); age_at_request_s: its age then, as of the log's newest event (the clock every
-- queue age uses, so it compares with baseline_age_s even on a log that ends in the past). outcome: fixed | still_open | reopened (NULL = not checked yet);
-- outcome_checked_at: the last check; cleared_at: the check that first found the row gone;
-- baseline_age_s: the median age of the rows still in that queue at that check (savings.ts).
ALTER TABLE workflow_runs ADD COLUMN exception_since TIMESTAMP;
ALTER TABLE workflow_runs ADD COLUMN age_at_request_s DOUBLE;
ALTER TABLE workflow_runs ADD COLUMN outcome VARCHAR;
ALTER TABLE workflow_runs ADD COLUMN outcome_checked_at TIMESTAMP;
ALTER TABLE workflow_runs ADD COLUMN cleared_at TIMESTAMP;
ALTER TABLE workflow_runs ADD COLUMN baseline_age_s DOUBLE;
