-- Log statistics (mining/log-stats.ts), case-centric log: the traces are the case view.
CREATE OR REPLACE TEMP TABLE stats_trace AS
SELECT 'case' AS object_type, case_no::BIGINT AS case_key, seq::BIGINT AS seq, activity
FROM case_trace WHERE log_id = $log_id AND perspective = $perspective
