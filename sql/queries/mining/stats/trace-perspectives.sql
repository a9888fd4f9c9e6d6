-- Log statistics (mining/log-stats.ts), O2C log: every perspective's case view, one flattening per
-- perspective (order, order_line, delivery, invoice), reported under perObjectType.
CREATE OR REPLACE TEMP TABLE stats_trace AS
SELECT perspective AS object_type, case_no::BIGINT AS case_key, seq::BIGINT AS seq, activity
FROM case_trace
WHERE log_id = $log_id AND perspective IN (SELECT unnest(from_json($perspectives, '["VARCHAR"]')))
