-- Per invoice (one row per Create Invoice, from invoice_facts), the facts the KPI library, the DSO
-- impact and the root cause read. A parenthesised subquery put in place of __INVOICE_FACTS__ by
-- mining/kpi-library/compose.ts (never run on its own). Parameters: $log_id, $tz (the ERP's time
-- zone: due dates are local calendar dates).
--   invoice_id, case_no (the billed order's case), created_ts, gross_amount, pgi_ts, cancelled_ts
--   due_date        the invoice's due date (SAP BSID/BSAD baseline + term days, Odoo
--                   invoice_date_due, else the billing platform's due date); NULL when unknown
--   cleared_ts      when its receivable reached zero through cash applied, deductions or credit
--                   memos (not a cancellation): the Apply Cash that settled it, as a rule
--   cleared_date    cleared_ts as a local calendar date; days_late = cleared_date − due_date
--   credited_ts     first credit memo against it
--   disputes, dispute_opened_ts (first Open Dispute), dispute_resolved_ts (last Resolve Dispute,
--                   NULL while any of its disputes is open)
--   first_time_right  never cancelled, credited or disputed (a re-issue follows a cancellation)
(
  WITH bal AS (
    SELECT invoice_id, ts, kind,
           sum(amount) OVER (PARTITION BY invoice_id ORDER BY ts RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS balance
    FROM ar_ledger WHERE log_id = $log_id AND kind <> 'cancellation'
  ),
  cleared AS (
    SELECT invoice_id, min(ts) AS cleared_ts
    FROM bal WHERE kind IN ('cash', 'deduction', 'credit_memo') AND balance <= 0.01
    GROUP BY invoice_id
  ),
  credited AS (
    SELECT invoice_id, min(ts) AS credited_ts
    FROM ar_ledger WHERE log_id = $log_id AND kind = 'credit_memo' GROUP BY invoice_id
  ),
  dsp AS (
    SELECT eo.object_id AS dispute_id,
           min(e.ts) FILTER (WHERE e.activity = 'Open Dispute') AS opened_ts,
           max(e.ts) FILTER (WHERE e.activity = 'Resolve Dispute') AS resolved_ts
    FROM events e
    JOIN event_object eo ON eo.log_id = e.log_id AND eo.event_id = e.event_id
    WHERE e.log_id = $log_id AND e.activity IN ('Open Dispute', 'Resolve Dispute') AND eo.object_id LIKE 'dispute:%'
    GROUP BY eo.object_id
  ),
  disputed AS (
    SELECT oo.source_id AS invoice_id, count(*)::INTEGER AS disputes, min(d.opened_ts) AS dispute_opened_ts,
           CASE WHEN bool_and(d.resolved_ts IS NOT NULL) THEN max(d.resolved_ts) END AS dispute_resolved_ts
    FROM object_object oo
    JOIN dsp d ON d.dispute_id = oo.target_id AND d.opened_ts IS NOT NULL
    WHERE oo.log_id = $log_id AND oo.source_id LIKE 'invoice:%' AND oo.target_id LIKE 'dispute:%'
    GROUP BY oo.source_id
  ),
  due AS (
    SELECT object_id AS invoice_id,
           try_cast(coalesce(attrs->>'due_date', attrs->>'platform_due_date') AS DATE) AS due_date
    FROM objects WHERE log_id = $log_id AND object_type = 'invoice'
  )
  SELECT f.invoice_id, c.case_no, f.created_ts, f.gross_amount, f.pgi_ts, f.cancelled_ts,
         du.due_date,
         CASE WHEN f.cancelled_ts IS NULL THEN cl.cleared_ts END AS cleared_ts,
         CASE WHEN f.cancelled_ts IS NULL THEN timezone($tz, cl.cleared_ts::TIMESTAMPTZ)::DATE END AS cleared_date,
         CASE WHEN f.cancelled_ts IS NULL THEN timezone($tz, cl.cleared_ts::TIMESTAMPTZ)::DATE - du.due_date END AS days_late,
         cr.credited_ts,
         coalesce(d.disputes, 0) AS disputes, d.dispute_opened_ts, d.dispute_resolved_ts,
         f.cancelled_ts IS NULL AND cr.credited_ts IS NULL AND d.disputes IS NULL AS first_time_right
  FROM invoice_facts f
  LEFT JOIN cases c ON c.log_id = f.log_id AND c.perspective = 'order' AND c.case_id = f.order_id
  LEFT JOIN due du ON du.invoice_id = f.invoice_id
  LEFT JOIN cleared cl ON cl.invoice_id = f.invoice_id
  LEFT JOIN credited cr ON cr.invoice_id = f.invoice_id
  LEFT JOIN disputed d ON d.invoice_id = f.invoice_id
  WHERE f.log_id = $log_id
)
