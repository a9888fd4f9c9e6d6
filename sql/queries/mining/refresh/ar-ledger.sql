-- Receivables movements (amount > 0 raises AR): each invoice's gross amount when it is created,
-- its reversal when it is cancelled, and what lowers it: credit memos (Create Credit Memo), cash
-- applied in the ERP (Apply Cash) and deductions (Record Deduction), each at its own time, with
-- the invoice it is linked to (directly, or for a credit memo through invoice -credited by->).
-- Receive Payment (billing platform) only mirrors Apply Cash and is not counted twice.
-- Needs invoice_facts of the same refresh.
INSERT INTO ar_ledger (log_id, invoice_id, ts, kind, amount, event_id)
WITH inv AS (SELECT invoice_id, created_ts, gross_amount, cancelled_ts FROM invoice_facts WHERE log_id = $log_id),
credit_of AS (
  SELECT target_id AS credit_memo_id, min(source_id) AS invoice_id
  FROM object_object
  WHERE log_id = $log_id AND source_id LIKE 'invoice:%' AND target_id LIKE 'credit_memo:%' GROUP BY 1
),
moves AS (   -- one row per reducing event, with the invoice it reduces
  SELECT e.event_id, any_value(e.activity) AS activity, any_value(e.ts) AS ts, any_value(e.amount) AS amount,
         coalesce(min(inv.invoice_id), min(c.invoice_id)) AS invoice_id
  FROM events e
  JOIN event_object eo ON eo.log_id = e.log_id AND eo.event_id = e.event_id
  LEFT JOIN inv ON inv.invoice_id = eo.object_id
  LEFT JOIN credit_of c ON c.credit_memo_id = eo.object_id
  WHERE e.log_id = $log_id AND e.activity IN ('Create Credit Memo', 'Apply Cash', 'Record Deduction')
  GROUP BY e.event_id
)
SELECT $log_id, invoice_id, created_ts, 'invoice', gross_amount, NULL FROM inv WHERE gross_amount IS NOT NULL
UNION ALL
SELECT $log_id, invoice_id, cancelled_ts, 'cancellation', -gross_amount, NULL FROM inv
WHERE cancelled_ts IS NOT NULL AND gross_amount IS NOT NULL
UNION ALL
SELECT $log_id, invoice_id, ts,
       CASE activity WHEN 'Create Credit Memo' THEN 'credit_memo' WHEN 'Apply Cash' THEN 'cash' ELSE 'deduction' END,
       -abs(amount), event_id
FROM moves WHERE invoice_id IS NOT NULL AND amount IS NOT NULL
