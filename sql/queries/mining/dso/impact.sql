-- DSO impact of stage delays (domain.md §5 "DSO impact of a delay"), mining/dso-impact. For each
-- invoice created in [$from, $to) (not cancelled, with a gross amount) of a selected order, the
-- excess days d beyond each stage's target ($t_* in hours, policies/targets.json):
--   creditHold       the order's credit holds (Set → Release Credit Block, summed)
--   pricingApproval  the order's first Request Price Approval → last Approve/Reject Price Exception
--   warehouse        release (the latest of creation and each release of a credit hold, price
--                    approval or delivery block before the first goods issue) → goods issue of the
--                    invoiced delivery
--   invoiceLatency   goods issue of the invoiced delivery → Create Invoice
--   dispute          first Open Dispute → last Resolve Dispute (still open: → $as_of)
--   latePayment      due date → local clearing date (still open: → $as_of's local date), less the
--                    dispute's excess days (the dispute explains that part of the lateness)
-- The first four happen before the invoice exists: invisible in DSO, they delay cash all the same.
-- Rows: kind 'total' (one per stage; dimension/value NULL) with the invoices, amount and Σ A·d,
-- and kind 'top' (the $top values of each dimension, variant included, by Σ A·d per stage).
-- (Stage columns are s_<stage> while unpivoting: a stage is called warehouse, like the attribute.)
-- Stage-independent totals of the period ride along on every row (all_invoices, all_amount).
WITH o AS __ORDER_FACTS__,
f AS __INVOICE_FACTS__,
inv AS MATERIALIZED (
  SELECT f.invoice_id, f.gross_amount AS a,
         c.variant, c.segment, c.channel, c.order_type, c.warehouse, c.customer_name, c.payment_terms,
         greatest(0, o.credit_hold_hours - $t_credit) / 24.0 AS "s_creditHold",
         greatest(0, coalesce((epoch(o.price_decided_ts) - epoch(o.price_requested_ts)) / 3600.0, 0) - $t_price) / 24.0 AS "s_pricingApproval",
         greatest(0, coalesce((epoch(f.pgi_ts) - epoch(o.released_ts)) / 3600.0, 0) - $t_wh) / 24.0 AS "s_warehouse",
         greatest(0, coalesce((epoch(f.created_ts) - epoch(f.pgi_ts)) / 3600.0, 0) - $t_inv) / 24.0 AS "s_invoiceLatency",
         greatest(0, coalesce((epoch(coalesce(f.dispute_resolved_ts, $as_of::TIMESTAMP)) - epoch(f.dispute_opened_ts)) / 3600.0, 0) - $t_dispute) / 24.0 AS dispute_d,
         coalesce(coalesce(f.cleared_date, timezone($tz, $as_of::TIMESTAMP::TIMESTAMPTZ)::DATE) - f.due_date, 0) AS past_due_days
  FROM f
  JOIN o ON o.case_no = f.case_no
  JOIN cases c ON c.log_id = $log_id AND c.perspective = 'order' AND c.case_no = f.case_no
  WHERE f.created_ts >= $from::TIMESTAMP AND f.created_ts < $to::TIMESTAMP
    AND f.cancelled_ts IS NULL AND f.gross_amount IS NOT NULL
    AND f.case_no IN __SELECTED_CASES__
),
staged AS (
  SELECT * EXCLUDE (dispute_d, past_due_days), dispute_d AS "s_dispute",
         greatest(0, past_due_days - $t_late / 24.0 - dispute_d) AS "s_latePayment"
  FROM inv
),
long AS MATERIALIZED (
  SELECT * EXCLUDE (s), substr(s, 3) AS stage FROM (
    UNPIVOT staged ON "s_creditHold", "s_pricingApproval", "s_warehouse", "s_invoiceLatency", "s_dispute", "s_latePayment"
    INTO NAME s VALUE d
  )
),
totals AS (
  SELECT count(*)::INTEGER AS all_invoices, coalesce(sum(a), 0) AS all_amount FROM inv
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
