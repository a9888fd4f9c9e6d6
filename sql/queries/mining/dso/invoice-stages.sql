-- Per invoice, the excess days d beyond each stage's target (domain.md §5 "DSO impact of a
-- delay"): the one definition behind the DSO impact (impact.sql) and the `stage` filter
-- (mining/filter/compile.ts, "the cases behind a cause"). A parenthesised subquery put in place of
-- its token by mining/kpi-library/compose.ts (never run on its own). Invoices created in
-- [$from, $to) (not cancelled, with a gross amount) of orders with order facts. Parameters:
-- $log_id, $tz, $from, $to and the targets $t_* in hours (policies/targets.json); the filter binds
-- them under its own $f_<n> names.
--   creditHold       the order's credit holds (Set → Release Credit Block, summed)
--   pricingApproval  the order's first Request Price Approval → last Approve/Reject Price Exception
--   warehouse        release (the latest of creation and each release of a credit hold, price
--                    approval or delivery block before the first goods issue) → goods issue of the
--                    invoiced delivery
--   invoiceLatency   goods issue of the invoiced delivery → Create Invoice
--   dispute          first Open Dispute → last Resolve Dispute (still open: → as of)
--   latePayment      due date → local clearing date (still open: → the local date as of), less the
--                    dispute's excess days (the dispute explains that part of the lateness)
-- As of: the log's newest event, to the second (what mining/logs.ts dataRange reports).
-- Columns: invoice_id, case_no, a (gross amount), s_<stage> (d ≥ 0, one per stage).
(
  WITH o AS __ORDER_FACTS__,
  f AS __INVOICE_FACTS__,
  as_of AS (SELECT date_trunc('second', max(ts)) AS ts FROM events WHERE log_id = $log_id),
  inv AS (
    SELECT f.invoice_id, f.case_no, f.gross_amount AS a,
           greatest(0, o.credit_hold_hours - $t_credit) / 24.0 AS "s_creditHold",
           greatest(0, coalesce((epoch(o.price_decided_ts) - epoch(o.price_requested_ts)) / 3600.0, 0) - $t_price) / 24.0 AS "s_pricingApproval",
           greatest(0, coalesce((epoch(f.pgi_ts) - epoch(o.released_ts)) / 3600.0, 0) - $t_wh) / 24.0 AS "s_warehouse",
           greatest(0, coalesce((epoch(f.created_ts) - epoch(f.pgi_ts)) / 3600.0, 0) - $t_inv) / 24.0 AS "s_invoiceLatency",
           greatest(0, coalesce((epoch(coalesce(f.dispute_resolved_ts, as_of.ts)) - epoch(f.dispute_opened_ts)) / 3600.0, 0) - $t_dispute) / 24.0 AS dispute_d,
           coalesce(coalesce(f.cleared_date, timezone($tz, as_of.ts::TIMESTAMPTZ)::DATE) - f.due_date, 0) AS past_due_days
    FROM f
    JOIN o ON o.case_no = f.case_no
    CROSS JOIN as_of
    WHERE f.created_ts >= $from::TIMESTAMP AND f.created_ts < $to::TIMESTAMP
      AND f.cancelled_ts IS NULL AND f.gross_amount IS NOT NULL
  )
  SELECT invoice_id, case_no, a, "s_creditHold", "s_pricingApproval", "s_warehouse", "s_invoiceLatency",
         dispute_d AS "s_dispute",
         greatest(0, past_due_days - $t_late / 24.0 - dispute_d) AS "s_latePayment"
  FROM inv
)
