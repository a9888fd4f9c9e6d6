-- Disputes per period of $periods: opened in it (first Open Dispute of the dispute object), and
-- open at its end (opened before the end, no Resolve Dispute before the end) with their median
-- and mean age in days at the end. A dispute belongs to the invoice it is related to (object_object invoice → dispute), the invoice
-- to the order it bills; disputes of no order count only when no filter is set ($all_cases).
WITH p AS (
  SELECT i, "from"::TIMESTAMP AS t0, "to"::TIMESTAMP AS t1
  FROM (SELECT unnest(from_json($periods, '[{"i":"INTEGER","from":"VARCHAR","to":"VARCHAR"}]'), recursive := true))
),
d AS (SELECT dispute_id, opened_ts, resolved_ts FROM dispute_facts WHERE log_id = $log_id),   -- refresh/dispute-facts.sql
di AS MATERIALIZED (
  SELECT DISTINCT d.dispute_id, d.opened_ts, d.resolved_ts
  FROM d
  JOIN object_object oo ON oo.log_id = $log_id AND oo.target_id = d.dispute_id AND oo.source_id LIKE 'invoice:%'
  JOIN invoice_settlement s ON s.log_id = $log_id AND s.invoice_id = oo.source_id   -- with its order's case
  WHERE s.case_no IN __SELECTED_CASES__ OR (s.case_no IS NULL AND $all_cases)
)
SELECT p.i,
       (count(DISTINCT di.dispute_id) FILTER (WHERE di.opened_ts >= p.t0 AND di.opened_ts < p.t1))::INTEGER AS opened,
       (count(DISTINCT di.dispute_id) FILTER (WHERE di.opened_ts < p.t1 AND (di.resolved_ts IS NULL OR di.resolved_ts >= p.t1)))::INTEGER AS open_at_end,
       median(epoch(p.t1) - epoch(di.opened_ts)) FILTER (WHERE di.opened_ts < p.t1 AND (di.resolved_ts IS NULL OR di.resolved_ts >= p.t1)) / 86400 AS median_age_days,
       avg(epoch(p.t1) - epoch(di.opened_ts)) FILTER (WHERE di.opened_ts < p.t1 AND (di.resolved_ts IS NULL OR di.resolved_ts >= p.t1)) / 86400 AS mean_age_days
FROM p
LEFT JOIN di ON di.opened_ts < p.t1
GROUP BY p.i
ORDER BY p.i
