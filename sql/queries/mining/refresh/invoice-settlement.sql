-- Per invoice of invoice_facts, how and when it was settled (table invoice_settlement; readers get
-- it through kpi/facts-invoices.sql). Needs invoice_facts, ar_ledger, dispute_facts and cases of the
-- same refresh.
-- Parameters: $log_id, $tz (the ERP's time zone, policies/targets.json).
--   case_no         the billed order's case
--   due_date        SAP BSID/BSAD baseline + term days, Odoo invoice_date_due, else the billing
--                   platform's due date; NULL when unknown
--   cleared_ts      when its receivable reached zero through cash applied, deductions or credit
--                   memos (not a cancellation): the Apply Cash that settled it, as a rule
--   credited_ts     first credit memo against it
--   disputes, dispute_opened_ts (first Open Dispute), dispute_resolved_ts (last Resolve Dispute,
--                   NULL while any of its disputes is open)
--   tz, created_date, pgi_date, cleared_date: Create Invoice, the goods issue and cleared_ts as
--                   local calendar dates in $tz
INSERT INTO invoice_settlement (log_id, invoice_id, case_no, due_date, cleared_ts, credited_ts, disputes,
                                dispute_opened_ts, dispute_resolved_ts, tz, created_date, pgi_date, cleared_date)
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
dsp AS (SELECT dispute_id, opened_ts, resolved_ts FROM dispute_facts WHERE log_id = $log_id),
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
SELECT $log_id, f.invoice_id, c.case_no, du.due_date,
       CASE WHEN f.cancelled_ts IS NULL THEN cl.cleared_ts END,
       cr.credited_ts,
       coalesce(d.disputes, 0), d.dispute_opened_ts, d.dispute_resolved_ts,
       $tz, timezone($tz, f.created_ts::TIMESTAMPTZ)::DATE, timezone($tz, f.pgi_ts::TIMESTAMPTZ)::DATE,
       CASE WHEN f.cancelled_ts IS NULL THEN timezone($tz, cl.cleared_ts::TIMESTAMPTZ)::DATE END
FROM invoice_facts f
LEFT JOIN cases c ON c.log_id = f.log_id AND c.perspective = 'order' AND c.case_id = f.order_id
LEFT JOIN due du ON du.invoice_id = f.invoice_id
LEFT JOIN cleared cl ON cl.invoice_id = f.invoice_id
LEFT JOIN credited cr ON cr.invoice_id = f.invoice_id
LEFT JOIN disputed d ON d.invoice_id = f.invoice_id
WHERE f.log_id = $log_id
