-- AR aging: for each period of $periods, the receivables open at its end per invoice (every
-- ar_ledger movement dated before the period's end day, exactly as the DSO family's
-- kpi/lib-receivables.sql sums them), bucketed by days past due at the period end: current (due
-- date on or after the end day, or unknown — best-possible DSO's "not yet due"), then 1–30,
-- 31–60, 61–90 and over 90 days past due (end day − due date). Amounts add up to the DSO's AR;
-- `invoices` counts the invoices with a balance above one cent in the bucket. Invoices belong to
-- the order they bill; invoices of no order count only when no filter is set ($all_cases).
WITH p AS (
  SELECT i, "to"::DATE AS end_day
  FROM (SELECT unnest(from_json($periods, '[{"i":"INTEGER","from":"VARCHAR","to":"VARCHAR"}]'), recursive := true))
),
inv AS MATERIALIZED (   -- invoice_settlement: one row per invoice of invoice_facts, with its order's case
  SELECT s.invoice_id, s.due_date
  FROM invoice_settlement s
  WHERE s.log_id = $log_id AND (s.case_no IN __SELECTED_CASES__ OR (s.case_no IS NULL AND $all_cases))
),
moves AS (   -- each invoice's balance after each day it moved, and the next day it moves again
  SELECT l.invoice_id, inv.due_date, l.day,
         sum(sum(l.amount)) OVER (PARTITION BY l.invoice_id ORDER BY l.day) AS balance,
         lead(l.day) OVER (PARTITION BY l.invoice_id ORDER BY l.day) AS next_day
  FROM (SELECT invoice_id, ts::DATE AS day, amount FROM ar_ledger WHERE log_id = $log_id) l
  JOIN inv ON inv.invoice_id = l.invoice_id
  GROUP BY l.invoice_id, inv.due_date, l.day
),
bal AS (   -- the balance in force at each period end; settled invoices (balance 0, give or take float dust) drop out here
  SELECT p.i, p.end_day, m.invoice_id, m.due_date, m.balance
  FROM p
  JOIN moves m ON m.day < p.end_day AND (m.next_day IS NULL OR m.next_day >= p.end_day)
  WHERE abs(m.balance) > 1e-9
),
aged AS (
  SELECT i, balance,
         CASE
           WHEN due_date IS NULL OR due_date >= end_day THEN 'current'
           WHEN end_day - due_date <= 30 THEN 'd1_30'
           WHEN end_day - due_date <= 60 THEN 'd31_60'
           WHEN end_day - due_date <= 90 THEN 'd61_90'
           ELSE 'd90_plus'
         END AS bucket
  FROM bal
)
SELECT i, bucket, sum(balance)::DOUBLE AS amount, (count(*) FILTER (WHERE balance > 0.01))::INTEGER AS invoices
FROM aged
GROUP BY i, bucket
ORDER BY i, bucket
