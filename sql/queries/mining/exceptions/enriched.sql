-- The rows of the chosen exception queues (spliced in by mining/exceptions/read.ts: each queue file as
-- `SELECT '<id>' AS queue, * FROM (<queue>)`), with the order's attributes, the amount at stake,
-- the age as of $as_of and the owner team. Written to exception_rows (store.sql), or read
-- directly on a read-only store (rows.sql then filters it). Warehouse: the row's own (a delivery's, an order line's), else the order's
-- deliveries' (cases.warehouse), else its order lines' (an order not shipped yet). The team
-- 'Warehouse' becomes 'Warehouse <warehouse>'.
WITH q AS (__QUEUES__),
k AS (
  SELECT q.*, c.case_id, c.segment, c.order_type, c.channel, c.net_value, c.currency AS order_currency,
         c.warehouse AS order_warehouse
  FROM q JOIN cases c ON c.log_id = $log_id AND c.perspective = $perspective AND c.case_no = q.case_no
),
need AS (SELECT DISTINCT case_id FROM k WHERE warehouse IS NULL AND order_warehouse IS NULL),
lw AS (
  SELECT oo.source_id AS case_id, min(l.attrs->>'warehouse') AS w_min, max(l.attrs->>'warehouse') AS w_max
  FROM object_object oo
  JOIN need n ON n.case_id = oo.source_id
  JOIN objects l ON l.log_id = oo.log_id AND l.object_id = oo.target_id
  WHERE oo.log_id = $log_id AND oo.target_id LIKE 'order_line:%'
  GROUP BY 1
),
r AS (
  SELECT k.queue, k.case_no, k.case_id, k.object_id, k.since_ts, k.due_ts, k.detail, k.status,
         epoch($as_of::TIMESTAMP) - epoch(k.since_ts) AS age_s,
         coalesce(k.amount, k.net_value) AS amount, coalesce(k.currency, k.order_currency) AS currency,
         coalesce(k.warehouse, k.order_warehouse, CASE WHEN lw.w_min = lw.w_max THEN lw.w_min ELSE lw.w_min || ',' || lw.w_max END) AS warehouse,
         k.segment, k.order_type, k.channel, k.team AS base_team
  FROM k LEFT JOIN lw ON lw.case_id = k.case_id
),
t AS (
  SELECT r.* EXCLUDE (base_team),
         CASE WHEN base_team = 'Warehouse' THEN 'Warehouse ' || coalesce(warehouse, '(none)') ELSE base_team END AS team
  FROM r
)
SELECT queue, case_no, case_id, object_id, since_ts, due_ts, detail, status, age_s, amount, currency,
       warehouse, segment, order_type, channel, team
FROM t
