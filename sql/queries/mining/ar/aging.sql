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
bal AS (
  SELECT p.i, p.end_day, inv.invoice_id, inv.due_date, sum(l.amount) AS balance
  FROM p
  JOIN ar_ledger l ON l.log_id = $log_id AND l.ts::DATE < p.end_day
  JOIN inv ON inv.invoice_id = l.invoice_id
  GROUP BY ALL
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
