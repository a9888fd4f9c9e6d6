-- Median hours from Create Sales Order to the order's first Post Goods Issue, over the orders whose
-- first goods issue falls in each period, of the selected orders. $periods: JSON [{i, from, to}].
WITH p AS (
  SELECT i, "from"::TIMESTAMP AS t0, "to"::TIMESTAMP AS t1
  FROM (SELECT unnest(from_json($periods, '[{"i":"INTEGER","from":"VARCHAR","to":"VARCHAR"}]'), recursive := true))
)
SELECT p.i, median((epoch(c.first_pgi_ts) - epoch(c.created_ts)) / 3600.0) AS value, count(c.case_id)::INTEGER AS n
FROM p
LEFT JOIN cases c ON c.log_id = $log_id AND c.perspective = 'order' AND c.created_ts IS NOT NULL
  AND c.first_pgi_ts >= p.t0 AND c.first_pgi_ts < p.t1 AND c.case_no IN __SELECTED_CASES__
GROUP BY p.i
ORDER BY p.i
