-- One row per invoice that has a Create Invoice event (F2; cancellation documents S1 have none):
-- when it was created, its gross amount, the goods issue of the delivery it bills (the latest
-- first Post Goods Issue if it bills several), the order it bills and when it was cancelled.
-- Gross amount: the invoice's attrs (gross_amount, else net_amount + tax_amount), else the event's
-- amount. Object types are read from the ids ('<type>:<key>', docs/model.md).
INSERT INTO invoice_facts (log_id, invoice_id, order_id, created_ts, gross_amount, pgi_ts, cancelled_ts)
WITH ev AS MATERIALIZED (   -- the events used here with their objects
  SELECT e.activity, e.ts, e.amount, eo.object_id
  FROM events e
  JOIN event_object eo ON eo.log_id = e.log_id AND eo.event_id = e.event_id
  WHERE e.log_id = $log_id AND e.activity IN ('Create Invoice', 'Post Goods Issue', 'Cancel Invoice')
),
created AS (
  SELECT object_id AS invoice_id, min(ts) AS created_ts, max(amount) AS event_amount
  FROM ev WHERE activity = 'Create Invoice' AND object_id LIKE 'invoice:%' GROUP BY 1
),
pgi AS (
  SELECT object_id AS delivery_id, min(ts) AS pgi_ts
  FROM ev WHERE activity = 'Post Goods Issue' AND object_id LIKE 'delivery:%' GROUP BY 1
),
shipped AS (
  SELECT oo.target_id AS invoice_id, max(p.pgi_ts) AS pgi_ts
  FROM object_object oo JOIN pgi p ON p.delivery_id = oo.source_id
  WHERE oo.log_id = $log_id AND oo.target_id LIKE 'invoice:%' GROUP BY 1
),
billed AS (
  SELECT target_id AS invoice_id, min(source_id) AS order_id
  FROM object_object
  WHERE log_id = $log_id AND source_id LIKE 'sales_order:%' AND target_id LIKE 'invoice:%' GROUP BY 1
),
cancelled AS (   -- Cancel Invoice on the invoice itself, or on the document that cancels it
  SELECT invoice_id, min(ts) AS cancelled_ts FROM (
    SELECT object_id AS invoice_id, ts FROM ev WHERE activity = 'Cancel Invoice' AND object_id LIKE 'invoice:%'
    UNION ALL
    SELECT oo.source_id, c.ts
    FROM object_object oo JOIN ev c ON c.object_id = oo.target_id AND c.activity = 'Cancel Invoice'
    WHERE oo.log_id = $log_id AND oo.source_id LIKE 'invoice:%' AND oo.target_id LIKE 'invoice:%'
  ) GROUP BY 1
),
amounts AS (
  SELECT object_id AS invoice_id,
         from_json(attrs, '{"gross_amount":"DOUBLE","net_amount":"DOUBLE","tax_amount":"DOUBLE"}') AS a
  FROM objects WHERE log_id = $log_id AND object_type = 'invoice'
)
SELECT $log_id, c.invoice_id, b.order_id, c.created_ts,
       coalesce(m.a.gross_amount, m.a.net_amount + coalesce(m.a.tax_amount, 0), c.event_amount),
       s.pgi_ts, x.cancelled_ts
FROM created c
LEFT JOIN amounts m ON m.invoice_id = c.invoice_id
LEFT JOIN shipped s ON s.invoice_id = c.invoice_id
LEFT JOIN billed b ON b.invoice_id = c.invoice_id
LEFT JOIN cancelled x ON x.invoice_id = c.invoice_id
