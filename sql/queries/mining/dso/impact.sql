-- DSO impact of stage delays (domain.md §5 "DSO impact of a delay"), mining/dso-impact. For each
-- invoice created in [$from, $to) (not cancelled, with a gross amount) of a selected order, the
-- excess days d beyond each stage's target: invoice-stages.sql (the stages token below, shared with the
-- `stage` filter so a cause's cases are exactly its invoices' orders).
-- The first four stages happen before the invoice exists: invisible in DSO, they delay cash all
-- the same.
-- Rows: kind 'total' (one per stage; dimension/value NULL) with the invoices, amount and Σ A·d,
-- and kind 'top' (the $top values of each dimension, variant included, by Σ A·d per stage).
-- (Stage columns are s_<stage> while unpivoting: a stage is called warehouse, like the attribute.)
-- Stage-independent totals of the period ride along on every row (all_invoices, all_amount).
WITH staged AS MATERIALIZED (
  SELECT s.invoice_id, s.a,
         c.variant, c.segment, c.channel, c.order_type, c.warehouse, c.customer_name, c.payment_terms,
         s."s_creditHold", s."s_pricingApproval", s."s_warehouse", s."s_invoiceLatency", s."s_dispute", s."s_latePayment"
  FROM __INVOICE_STAGES__ s
  JOIN cases c ON c.log_id = $log_id AND c.perspective = 'order' AND c.case_no = s.case_no
  WHERE s.case_no IN __SELECTED_CASES__
),
long AS MATERIALIZED (
  SELECT * EXCLUDE (s), substr(s, 3) AS stage FROM (
    UNPIVOT staged ON "s_creditHold", "s_pricingApproval", "s_warehouse", "s_invoiceLatency", "s_dispute", "s_latePayment"
    INTO NAME s VALUE d
  )
),
totals AS (
  SELECT count(*)::INTEGER AS all_invoices, coalesce(sum(a), 0) AS all_amount FROM staged
),
over AS (
  SELECT * FROM long WHERE d > 0
),
by_value AS (
  UNPIVOT (SELECT stage, a, d, variant, segment, channel, order_type, warehouse, customer_name, payment_terms FROM over)
  ON variant, segment, channel, order_type, warehouse, customer_name, payment_terms
  INTO NAME dimension VALUE value
),
top AS (
  SELECT stage, dimension, value, count(*)::INTEGER AS invoices, sum(a) AS amount, sum(a * d) AS amount_days
  FROM by_value
  GROUP BY stage, dimension, value
  QUALIFY row_number() OVER (PARTITION BY stage, dimension ORDER BY sum(a * d) DESC, value) <= $top
)
SELECT 'total' AS kind, s.stage, NULL::VARCHAR AS dimension, NULL::VARCHAR AS value,
       count(o.d)::INTEGER AS invoices, coalesce(sum(o.a), 0) AS amount, coalesce(sum(o.a * o.d), 0) AS amount_days,
       t.all_invoices, t.all_amount
FROM (SELECT unnest(['creditHold', 'pricingApproval', 'warehouse', 'invoiceLatency', 'dispute', 'latePayment']) AS stage) s
CROSS JOIN totals t
LEFT JOIN over o ON o.stage = s.stage
GROUP BY s.stage, t.all_invoices, t.all_amount
UNION ALL
SELECT 'top', stage, dimension, value, invoices, amount, amount_days, t.all_invoices, t.all_amount
FROM top CROSS JOIN totals t
