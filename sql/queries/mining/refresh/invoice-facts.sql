-- One row per invoice that has a Create Invoice event (F2; cancellation documents S1 have none):
-- when it was created, its gross amount, the goods issue of the delivery it bills (the latest
-- first Post Goods Issue if it bills several), the order it bills and when it was cancelled.
-- Gross amount: the invoice object's attrs (gross, else net + tax), else the event's amount.
INSERT INTO invoice_facts (log_id, invoice_id, order_id, created_ts, gross_amount, pgi_ts, cancelled_ts)
WITH obj AS (
  SELECT object_id, any_value(object_type) AS object_type, any_value(attrs) AS attrs
  FROM objects WHERE log_id = $log_id GROUP BY object_id
),
ev AS (   -- events of the activities used here, with their objects' types
  SELECT e.activity, e.ts, e.amount, eo.object_id, o.object_type
  FROM events e
  JOIN event_object eo ON eo.log_id = e.log_id AND eo.event_id = e.event_id
  JOIN obj o ON o.object_id = eo.object_id
  WHERE e.log_id = $log_id AND e.activity IN ('Create Invoice', 'Post Goods Issue', 'Cancel Invoice')
),
created AS (
  SELECT object_id AS invoice_id, min(ts) AS created_ts, max(amount) AS event_amount
  FROM ev WHERE activity = 'Create Invoice' AND object_type = 'invoice' GROUP BY 1
),
pgi AS (
  SELECT object_id AS delivery_id, min(ts) AS pgi_ts
  FROM ev WHERE activity = 'Post Goods Issue' AND object_type = 'delivery' GROUP BY 1
),
rel AS (
  SELECT oo.source_id, oo.target_id, s.object_type AS source_type, t.object_type AS target_type
  FROM object_object oo
  JOIN obj s ON s.object_id = oo.source_id
  JOIN obj t ON t.object_id = oo.target_id
  WHERE oo.log_id = $log_id
),
shipped AS (
  SELECT r.target_id AS invoice_id, max(p.pgi_ts) AS pgi_ts
  FROM rel r JOIN pgi p ON p.delivery_id = r.source_id
  WHERE r.source_type = 'delivery' AND r.target_type = 'invoice' GROUP BY 1
),
billed AS (
  SELECT target_id AS invoice_id, min(source_id) AS order_id
  FROM rel WHERE source_type = 'sales_order' AND target_type = 'invoice' GROUP BY 1
),
cancelled AS (   -- Cancel Invoice on the invoice itself, or on the document that cancels it
  SELECT invoice_id, min(ts) AS cancelled_ts FROM (
    SELECT object_id AS invoice_id, ts FROM ev WHERE activity = 'Cancel Invoice' AND object_type = 'invoice'
    UNION ALL
    SELECT r.source_id, c.ts
    FROM rel r JOIN ev c ON c.object_id = r.target_id AND c.activity = 'Cancel Invoice'
    WHERE r.source_type = 'invoice' AND r.target_type = 'invoice'
  ) GROUP BY 1
)
SELECT $log_id, c.invoice_id, b.order_id, c.created_ts,
       coalesce(
         TRY_CAST(o.attrs->>'gross_amount' AS DOUBLE),
         TRY_CAST(o.attrs->>'net_amount' AS DOUBLE) + coalesce(TRY_CAST(o.attrs->>'tax_amount' AS DOUBLE), 0),
         c.event_amount),
       s.pgi_ts, x.cancelled_ts
FROM created c
JOIN obj o ON o.object_id = c.invoice_id
LEFT JOIN shipped s ON s.invoice_id = c.invoice_id
LEFT JOIN billed b ON b.invoice_id = c.invoice_id
LEFT JOIN cancelled x ON x.invoice_id = c.invoice_id
ORDER BY c.created_ts
