-- One row per sales order (order perspective): span, event count and variant from its trace,
-- the O2C milestones, and the case attributes. The attribute extraction lives here, in one place,
-- so it is easy to follow what the ingestors write (ingest/sap):
--   order (sales_order attrs): channel from VBAK.VTWEG (codes mapped to names), order type
--   VBAK.AUART, net value VBAK.NETWR, currency VBAK.WAERK, payment terms VBAK.ZTERM;
--   customer: customer -places-> order (else the order's customer attr), its name and segment
--   (KNA1.NAME1, KNA1.KUKLA);
--   warehouse: of the order's deliveries (order -fulfilled by-> delivery); 'WH1,WH2' when they
--   came from two (first and last by name, if ever more).
-- Each object's attrs JSON is parsed once (from_json into a struct), not once per field.
INSERT INTO cases (log_id, perspective, case_id, case_no, start_ts, end_ts, n_events, variant,
                   created_ts, first_pgi_ts, first_invoice_ts, cancelled_ts,
                   customer_id, customer_name, segment, channel, order_type, warehouse,
                   net_value, currency, payment_terms)
WITH trace AS (
  SELECT case_id, any_value(case_no) AS case_no, min(ts) AS start_ts, max(ts) AS end_ts,
         count(*)::INTEGER AS n_events,
         array_to_string(list_transform(list_sort(list({'seq': seq, 'activity': activity})), x -> x.activity), ' → ') AS variant,
         min(ts) FILTER (WHERE activity = 'Create Sales Order') AS created_ts,
         min(ts) FILTER (WHERE activity = 'Post Goods Issue') AS first_pgi_ts,
         min(ts) FILTER (WHERE activity = 'Create Invoice') AS first_invoice_ts,
         min(ts) FILTER (WHERE activity = 'Cancel Order') AS cancelled_ts
  FROM case_trace
  WHERE log_id = $log_id AND perspective = 'order'
  GROUP BY case_id
),
so AS (
  SELECT object_id, from_json(attrs, '{"customer":"VARCHAR","channel":"VARCHAR","order_type":"VARCHAR","net_value":"DOUBLE","currency":"VARCHAR","payment_terms":"VARCHAR"}') AS a
  FROM objects WHERE log_id = $log_id AND object_type = 'sales_order'
),
customer AS (
  SELECT object_id, from_json(attrs, '{"name":"VARCHAR","segment":"VARCHAR"}') AS a
  FROM objects WHERE log_id = $log_id AND object_type = 'customer'
),
customer_of AS (
  SELECT target_id AS order_id, min(source_id) AS customer_id
  FROM object_object
  WHERE log_id = $log_id AND source_id LIKE 'customer:%' AND target_id LIKE 'sales_order:%'
  GROUP BY 1
),
warehouse_of AS (
  SELECT oo.source_id AS order_id,
         CASE WHEN min(d.warehouse) = max(d.warehouse) THEN min(d.warehouse)
              ELSE min(d.warehouse) || ',' || max(d.warehouse) END AS warehouse
  FROM object_object oo
  JOIN (SELECT object_id, coalesce(attrs->>'warehouse', attrs->>'shipping_point') AS warehouse
        FROM objects WHERE log_id = $log_id AND object_type = 'delivery') d ON d.object_id = oo.target_id
  WHERE oo.log_id = $log_id AND oo.source_id LIKE 'sales_order:%'
  GROUP BY 1
)
SELECT $log_id, 'order', t.case_id, t.case_no, t.start_ts, t.end_ts, t.n_events, t.variant,
       t.created_ts, t.first_pgi_ts, t.first_invoice_ts, t.cancelled_ts,
       c.object_id, c.a.name, c.a.segment,
       CASE so.a.channel WHEN '10' THEN 'eCommerce' WHEN '20' THEN 'EDI' WHEN '30' THEN 'sales portal'
                         WHEN '40' THEN 'customer service' ELSE so.a.channel END,
       so.a.order_type, w.warehouse, so.a.net_value, upper(so.a.currency), so.a.payment_terms
FROM trace t
LEFT JOIN so ON so.object_id = t.case_id
LEFT JOIN customer_of co ON co.order_id = t.case_id
LEFT JOIN customer c ON c.object_id = coalesce(co.customer_id, 'customer:' || so.a.customer)
LEFT JOIN warehouse_of w ON w.order_id = t.case_id
