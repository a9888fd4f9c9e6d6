-- Orders created (first Create Sales Order) in each period, of the selected orders.
-- $periods: JSON [{i, from, to}].
WITH p AS (
  SELECT i, "from"::TIMESTAMP AS t0, "to"::TIMESTAMP AS t1
  FROM (SELECT unnest(from_json($periods, '[{"i":"INTEGER","from":"VARCHAR","to":"VARCHAR"}]'), recursive := true))
)
SELECT p.i, count(c.case_id)::INTEGER AS value
FROM p
LEFT JOIN cases c ON c.log_id = $log_id AND c.perspective = 'order'
  AND c.created_ts >= p.t0 AND c.created_ts < p.t1 AND c.case_no IN __SELECTED_CASES__
GROUP BY p.i
ORDER BY p.i
