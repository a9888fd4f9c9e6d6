-- KPI library, order KPIs (mining/kpi-library/registry.ts has each definition in words), for each
-- period of $periods (JSON [{i, from, to}]) and each value of the grouping column (the group slot)
-- (a column of cases, or NULL), over the selected cases. Rows: kpi, i, g, value, n (the orders
-- the value is computed over).
--   orders, touchlessRate, reworkRate, creditBlockRate: orders created in the period
--   orderToShipHours: median, orders whose first Post Goods Issue is in the period
--   orderCycleDays: median Create Sales Order → last Deliver, orders last delivered in the period
WITH p AS (
  SELECT i, "from"::TIMESTAMP AS t0, "to"::TIMESTAMP AS t1
  FROM (SELECT unnest(from_json($periods, '[{"i":"INTEGER","from":"VARCHAR","to":"VARCHAR"}]'), recursive := true))
),
o AS __ORDER_FACTS__,
oc AS MATERIALIZED (
  SELECT o.*, {{group}} AS g
  FROM o JOIN cases c ON c.log_id = $log_id AND c.perspective = 'order' AND c.case_no = o.case_no
  WHERE o.case_no IN __SELECTED_CASES__
),
created AS (
  SELECT p.i, oc.g, count(*) AS n,
         count(*) FILTER (WHERE NOT oc.touched) AS touchless,
         count(*) FILTER (WHERE oc.reworked) AS reworked,
         count(*) FILTER (WHERE oc.credit_blocks > 0) AS blocked
  FROM p JOIN oc ON oc.created_ts >= p.t0 AND oc.created_ts < p.t1
  GROUP BY p.i, oc.g
),
shipped AS (
  SELECT p.i, oc.g, median((epoch(oc.first_pgi_ts) - epoch(oc.created_ts)) / 3600.0) AS value, count(*) AS n
  FROM p JOIN oc ON oc.first_pgi_ts >= p.t0 AND oc.first_pgi_ts < p.t1 AND oc.created_ts IS NOT NULL
  GROUP BY p.i, oc.g
),
delivered AS (
  SELECT p.i, oc.g, median((epoch(oc.last_deliver_ts) - epoch(oc.created_ts)) / 86400.0) AS value, count(*) AS n
  FROM p JOIN oc ON oc.last_deliver_ts >= p.t0 AND oc.last_deliver_ts < p.t1 AND oc.created_ts IS NOT NULL
  GROUP BY p.i, oc.g
)
SELECT 'orders' AS kpi, i, g, n::DOUBLE AS value, n::INTEGER AS n FROM created
UNION ALL SELECT 'touchlessRate', i, g, 100.0 * touchless / n, n::INTEGER FROM created
UNION ALL SELECT 'reworkRate', i, g, 100.0 * reworked / n, n::INTEGER FROM created
UNION ALL SELECT 'creditBlockRate', i, g, 100.0 * blocked / n, n::INTEGER FROM created
UNION ALL SELECT 'orderToShipHours', i, g, value, n::INTEGER FROM shipped
UNION ALL SELECT 'orderCycleDays', i, g, value, n::INTEGER FROM delivered
