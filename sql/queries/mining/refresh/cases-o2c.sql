-- One row per sales order (order perspective): span, event count and variant from its trace,
-- the O2C milestones, and the case attributes. The attribute extraction lives here, in one place,
-- so it is easy to follow what the ingestors write (ingest/sap):
--   order (sales_order attrs): channel from VBAK.VTWEG (codes mapped to names), order type
--   VBAK.AUART, net value VBAK.NETWR, currency VBAK.WAERK, payment terms VBAK.ZTERM;
--   customer: customer -places-> order (else the order's customer attr), its name and segment
--   (KNA1.NAME1, KNA1.KUKLA);
--   warehouse: of the order's deliveries (order -fulfilled by-> delivery), joined with ',' when
--   they came from more than one.
INSERT INTO cases (log_id, perspective, case_id, case_no, start_ts, end_ts, n_events, variant,
                   created_ts, first_pgi_ts, first_invoice_ts, cancelled_ts,
                   customer_id, customer_name, segment, channel, order_type, warehouse,
                   net_value, currency, payment_terms)
WITH trace AS (
  SELECT case_id, any_value(case_no) AS case_no, min(ts) AS start_ts, max(ts) AS end_ts, count(*)::INTEGER AS n_events,
         array_to_string(list_transform(list_sort(list({'seq': seq, 'activity': activity})), x -> x.activity), ' → ') AS variant,
         min(ts) FILTER (WHERE activity = 'Create Sales Order') AS created_ts,
         min(ts) FILTER (WHERE activity = 'Post Goods Issue') AS first_pgi_ts,
         min(ts) FILTER (WHERE activity = 'Create Invoice') AS first_invoice_ts,
         min(ts) FILTER (WHERE activity = 'Cancel Order') AS cancelled_ts
  FROM case_events
  WHERE log_id = $log_id AND perspective = 'order'
  GROUP BY case_id
),
obj AS (
  SELECT object_id, any_value(object_type) AS object_type, any_value(attrs) AS attrs
  FROM objects WHERE log_id = $log_id AND object_type IN ('sales_order', 'customer', 'delivery')
  GROUP BY object_id
),
customer_of AS (
  SELECT oo.target_id AS order_id, min(oo.source_id) AS customer_id
  FROM object_object oo JOIN obj c ON c.object_id = oo.source_id AND c.object_type = 'customer'
  WHERE oo.log_id = $log_id GROUP BY 1
),
warehouse_of AS (
  SELECT order_id, string_agg(DISTINCT warehouse, ',' ORDER BY warehouse) AS warehouse FROM (
    SELECT oo.source_id AS order_id, coalesce(d.attrs->>'warehouse', d.attrs->>'shipping_point') AS warehouse
    FROM object_object oo JOIN obj d ON d.object_id = oo.target_id AND d.object_type = 'delivery'
    WHERE oo.log_id = $log_id
  ) GROUP BY 1
),
attrs AS (
  SELECT so.object_id AS case_id, c.object_id AS customer_id,
         c.attrs->>'name' AS customer_name,
         c.attrs->>'segment' AS segment,
         coalesce(so.attrs->>'channel', so.attrs->>'VTWEG') AS channel,
         coalesce(so.attrs->>'order_type', so.attrs->>'AUART') AS order_type,
         w.warehouse,
         TRY_CAST(coalesce(so.attrs->>'net_value', so.attrs->>'NETWR') AS DOUBLE) AS net_value,
         upper(coalesce(so.attrs->>'currency', so.attrs->>'WAERK')) AS currency,
         coalesce(so.attrs->>'payment_terms', so.attrs->>'ZTERM') AS payment_terms
  FROM obj so
  LEFT JOIN customer_of co ON co.order_id = so.object_id
  LEFT JOIN obj c ON c.object_id = coalesce(co.customer_id, 'customer:' || (so.attrs->>'customer'))
  LEFT JOIN warehouse_of w ON w.order_id = so.object_id
  WHERE so.object_type = 'sales_order'
)
SELECT $log_id, 'order', t.case_id, t.case_no, t.start_ts, t.end_ts, t.n_events, t.variant,
       t.created_ts, t.first_pgi_ts, t.first_invoice_ts, t.cancelled_ts,
       a.customer_id, a.customer_name, a.segment,
       CASE a.channel WHEN '10' THEN 'eCommerce' WHEN '20' THEN 'EDI' WHEN '30' THEN 'sales portal'
                      WHEN '40' THEN 'customer service' ELSE a.channel END,
       a.order_type, a.warehouse, a.net_value, a.currency, a.payment_terms
FROM trace t
LEFT JOIN attrs a ON a.case_id = t.case_id
