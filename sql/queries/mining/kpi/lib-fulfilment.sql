-- KPI library, fulfilment quality for each period and group over the selected cases.
-- Rows: kpi, i, g, value, n.
--   otifRate: order lines (not rejected) whose last proof of delivery (Deliver of a delivery that
--     fulfils the line) falls in the period: delivered on or before the committed date (the
--     order's requested delivery date as last changed: SAP VBAK.VDATU, Odoo commitment_date,
--     compared as a local calendar date) and in full (none of the line's picks short).
--   perfectOrderRate: orders last delivered in the period that have an invoice: every delivered
--     line on time and in full, and every invoice first time right (never cancelled, credited or
--     disputed). Damage is not recorded by the sources, so it cannot fail an order.
WITH p AS (
  SELECT i, "from"::TIMESTAMP AS t0, "to"::TIMESTAMP AS t1
  FROM (SELECT unnest(from_json($periods, '[{"i":"INTEGER","from":"VARCHAR","to":"VARCHAR"}]'), recursive := true))
),
lines AS (
  SELECT oo.source_id AS order_id, oo.target_id AS line_id
  FROM object_object oo
  JOIN objects ol ON ol.log_id = oo.log_id AND ol.object_id = oo.target_id
  WHERE oo.log_id = $log_id AND oo.source_id LIKE 'sales_order:%' AND oo.target_id LIKE 'order_line:%'
    AND coalesce(ol.attrs->>'rejection_reason', '') = ''
),
committed AS (
  SELECT object_id AS order_id,
         try_cast(coalesce(attrs->>'requested_date', attrs->>'commitment_date') AS DATE) AS committed_date
  FROM objects WHERE log_id = $log_id AND object_type = 'sales_order'
),
delivered AS (   -- Deliver per delivery
  SELECT eo.object_id AS delivery_id, max(e.ts) AS deliver_ts
  FROM events e JOIN event_object eo ON eo.log_id = e.log_id AND eo.event_id = e.event_id
  WHERE e.log_id = $log_id AND e.activity = 'Deliver' AND eo.object_id LIKE 'delivery:%'
  GROUP BY eo.object_id
),
line_deliver AS (
  SELECT oo.source_id AS line_id, max(d.deliver_ts) AS deliver_ts
  FROM object_object oo JOIN delivered d ON d.delivery_id = oo.target_id
  WHERE oo.log_id = $log_id AND oo.source_id LIKE 'order_line:%' AND oo.target_id LIKE 'delivery:%'
  GROUP BY oo.source_id
),
short AS (
  SELECT eo.object_id AS line_id
  FROM events e JOIN event_object eo ON eo.log_id = e.log_id AND eo.event_id = e.event_id
  WHERE e.log_id = $log_id AND e.activity = 'Confirm Pick' AND eo.object_id LIKE 'order_line:%'
    AND try_cast(e.attrs->>'short_qty' AS DOUBLE) > 0
  GROUP BY eo.object_id
),
lf AS MATERIALIZED (
  SELECT c.case_no, {{group}} AS g, ld.deliver_ts,
         coalesce(timezone($tz, ld.deliver_ts::TIMESTAMPTZ)::DATE <= cm.committed_date, false) AS on_time,
         s.line_id IS NULL AS in_full
  FROM lines ln
  JOIN line_deliver ld ON ld.line_id = ln.line_id
  JOIN cases c ON c.log_id = $log_id AND c.perspective = 'order' AND c.case_id = ln.order_id
  LEFT JOIN committed cm ON cm.order_id = ln.order_id
  LEFT JOIN short s ON s.line_id = ln.line_id
  WHERE c.case_no IN __SELECTED_CASES__
),
f AS __INVOICE_FACTS__,
inv AS (SELECT case_no, bool_and(first_time_right) AS ftr FROM f WHERE case_no IS NOT NULL GROUP BY case_no),
orders AS (
  SELECT lf.case_no, any_value(lf.g) AS g, max(lf.deliver_ts) AS deliver_ts, bool_and(lf.on_time AND lf.in_full) AS otif, any_value(inv.ftr) AS ftr
  FROM lf JOIN inv ON inv.case_no = lf.case_no
  GROUP BY lf.case_no
)
SELECT 'otifRate' AS kpi, p.i, lf.g, 100.0 * count(*) FILTER (WHERE lf.on_time AND lf.in_full) / count(*) AS value, count(*)::INTEGER AS n
FROM p JOIN lf ON lf.deliver_ts >= p.t0 AND lf.deliver_ts < p.t1
GROUP BY p.i, lf.g
UNION ALL
SELECT 'perfectOrderRate', p.i, o.g, 100.0 * count(*) FILTER (WHERE o.otif AND o.ftr) / count(*), count(*)::INTEGER
FROM p JOIN orders o ON o.deliver_ts >= p.t0 AND o.deliver_ts < p.t1
GROUP BY p.i, o.g
