-- Queue latePayments: invoices (not cancelled) past their due date and not cleared as of $as_of:
-- the receivable (ar_ledger: gross − credit memos − cash − deductions booked by then) is above
-- 0.01 and the due date (the ERP's local calendar date in $tz, as mining/kpi-library reads it:
-- due_date, else the billing platform's due date) is before the local date of $as_of. Past due
-- since the start of the day after the due date (local). Amount: the open receivable.
WITH bal AS (
  SELECT invoice_id, sum(amount) AS open_amount
  FROM ar_ledger WHERE log_id = $log_id AND ts <= $as_of::TIMESTAMP
  GROUP BY 1
),
due AS (
  SELECT object_id AS invoice_id,
         try_cast(coalesce(attrs->>'due_date', attrs->>'platform_due_date') AS DATE) AS due_date,
         upper(attrs->>'currency') AS currency
  FROM objects WHERE log_id = $log_id AND object_type = 'invoice'
),
late AS (
  SELECT f.invoice_id, f.order_id, b.open_amount, du.due_date, du.currency
  FROM invoice_facts f
  JOIN bal b ON b.invoice_id = f.invoice_id
  JOIN due du ON du.invoice_id = f.invoice_id
  WHERE f.log_id = $log_id AND f.cancelled_ts IS NULL AND b.open_amount > 0.01
    AND du.due_date < timezone($tz, $as_of::TIMESTAMP::TIMESTAMPTZ)::DATE
)
SELECT k.case_no, l.invoice_id AS object_id,
       timezone($tz, (l.due_date + 1)::TIMESTAMP)::TIMESTAMP AS since_ts,
       timezone($tz, (l.due_date + 1)::TIMESTAMP)::TIMESTAMP AS due_ts,
       l.open_amount AS amount, l.currency, 'Collections' AS team, strftime(l.due_date, '%Y-%m-%d') AS detail,
       NULL::VARCHAR AS status, NULL::VARCHAR AS warehouse
FROM late l
JOIN cases k ON k.log_id = $log_id AND k.perspective = $perspective AND k.case_id = l.order_id
WHERE k.case_no IN __SELECTED_CASES__
