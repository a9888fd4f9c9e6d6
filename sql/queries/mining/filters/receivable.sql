-- The `receivable` filter (mining/filter/receivable.ts): the order cases with an invoice open at
-- the start of day $at (balance of every AR movement dated before it above one cent) whose days
-- past due on $at fall in one of $buckets. The buckets as AR aging (ar/aging.sql) draws them:
-- current (due on or after $at, or no due date known), 1–30, 31–60, 61–90, over 90 days.
-- A subquery spliced into the filter's selection; $at and $buckets are renamed to its parameters.
(
  SELECT s.case_no
  FROM (
    SELECT invoice_id FROM ar_ledger
    WHERE log_id = $log_id AND ts::DATE < $at::DATE
    GROUP BY invoice_id HAVING sum(amount) > 0.01
  ) b
  JOIN invoice_settlement s ON s.log_id = $log_id AND s.invoice_id = b.invoice_id
  WHERE s.case_no IS NOT NULL
    AND CASE
          WHEN s.due_date IS NULL OR s.due_date >= $at::DATE THEN 'current'
          WHEN $at::DATE - s.due_date <= 30 THEN 'd1_30'
          WHEN $at::DATE - s.due_date <= 60 THEN 'd31_60'
          WHEN $at::DATE - s.due_date <= 90 THEN 'd61_90'
          ELSE 'd90_plus'
        END IN $buckets
)
