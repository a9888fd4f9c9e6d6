-- Queue shippedNotInvoiced: deliveries with a Post Goods Issue (not reversed by a later Cancel
-- Goods Issue) that no invoice bills (delivery -billed by-> invoice, invoice_facts) except
-- cancelled ones. The case is the order the delivery fulfils (sales_order -fulfilled by->
-- delivery). Waiting since the goods issue. Amount: net value of the order lines the delivery
-- fulfils (order_line -fulfilled by-> delivery), else the order's.
WITH gi AS (
  SELECT eo.object_id AS delivery_id,
         max(e.ts) FILTER (WHERE e.activity = 'Post Goods Issue') AS pgi_ts,
         max(e.ts) FILTER (WHERE e.activity = 'Cancel Goods Issue') AS reversed_ts
  FROM events e
  JOIN event_object eo ON eo.log_id = e.log_id AND eo.event_id = e.event_id
  WHERE e.log_id = $log_id AND e.activity IN ('Post Goods Issue', 'Cancel Goods Issue') AND eo.object_id LIKE 'delivery:%'
  GROUP BY 1
),
billed AS (
  SELECT DISTINCT oo.source_id AS delivery_id
  FROM object_object oo
  JOIN invoice_facts f ON f.log_id = oo.log_id AND f.invoice_id = oo.target_id
  WHERE oo.log_id = $log_id AND oo.source_id LIKE 'delivery:%' AND oo.target_id LIKE 'invoice:%' AND f.cancelled_ts IS NULL
),
open AS (
  SELECT g.delivery_id, g.pgi_ts FROM gi g
  WHERE g.pgi_ts IS NOT NULL AND (g.reversed_ts IS NULL OR g.reversed_ts < g.pgi_ts)
    AND g.delivery_id NOT IN (SELECT delivery_id FROM billed)
),
order_of AS (
  SELECT oo.target_id AS delivery_id, min(oo.source_id) AS order_id
  FROM object_object oo JOIN open o ON o.delivery_id = oo.target_id
  WHERE oo.log_id = $log_id AND oo.source_id LIKE 'sales_order:%'
  GROUP BY 1
),
line_value AS (
  SELECT oo.target_id AS delivery_id, sum(try_cast(l.attrs->>'net_value' AS DOUBLE)) AS amount
  FROM object_object oo
  JOIN open o ON o.delivery_id = oo.target_id
  JOIN objects l ON l.log_id = oo.log_id AND l.object_id = oo.source_id
  WHERE oo.log_id = $log_id AND oo.source_id LIKE 'order_line:%'
  GROUP BY 1
)
SELECT k.case_no, o.delivery_id AS object_id, o.pgi_ts AS since_ts, NULL::TIMESTAMP AS due_ts,
       lv.amount, NULL::VARCHAR AS currency, 'Billing' AS team, NULL::VARCHAR AS detail, NULL::VARCHAR AS status,
       coalesce(d.attrs->>'warehouse', d.attrs->>'shipping_point') AS warehouse
FROM open o
JOIN order_of oo ON oo.delivery_id = o.delivery_id
JOIN cases k ON k.log_id = $log_id AND k.perspective = $perspective AND k.case_id = oo.order_id
LEFT JOIN line_value lv ON lv.delivery_id = o.delivery_id
LEFT JOIN objects d ON d.log_id = $log_id AND d.object_id = o.delivery_id
WHERE k.case_no IN __SELECTED_CASES__
