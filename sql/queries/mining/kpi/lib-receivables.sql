-- KPI library, receivables for the DSO family: for each period of $periods and group, AR at its
-- end (every ledger movement before "to"), the part of it not yet due then (due date on or after
-- the period's last day + 1, or unknown), and credit sales in it (gross invoices created in it
-- less cancellations booked in it); has_history: the ledger holds something older than the
-- period (the countback walk stops where it does not). Invoices belong to the order they bill;
-- invoices of no order count only when no filter is set ($all_cases).
WITH p AS (
  SELECT i, "from"::TIMESTAMP AS t0, "to"::TIMESTAMP AS t1
  FROM (SELECT unnest(from_json($periods, '[{"i":"INTEGER","from":"VARCHAR","to":"VARCHAR"}]'), recursive := true))
),
inv AS MATERIALIZED (   -- invoice_settlement: one row per invoice of invoice_facts, with its order's case
  SELECT s.invoice_id, {{group}} AS g, s.due_date
  FROM invoice_settlement s
  LEFT JOIN cases c ON c.log_id = s.log_id AND c.perspective = 'order' AND c.case_no = s.case_no
  WHERE s.log_id = $log_id AND (s.case_no IN __SELECTED_CASES__ OR (s.case_no IS NULL AND $all_cases))
),
l AS MATERIALIZED (   -- the ledger by day (period bounds are midnights), group and due date
  SELECT l.ts::DATE AS day, inv.g, inv.due_date,
         sum(l.amount) AS amount,
         sum(l.amount) FILTER (WHERE l.kind IN ('invoice', 'cancellation')) AS sales
  FROM ar_ledger l JOIN inv ON inv.invoice_id = l.invoice_id
  WHERE l.log_id = $log_id
  GROUP BY ALL
),
first AS (SELECT min(day) AS first_day FROM l)
SELECT p.i, l.g,
       coalesce(sum(l.amount), 0) AS ar_end,
       coalesce(sum(l.amount) FILTER (WHERE l.due_date IS NULL OR l.due_date >= p.t1::DATE), 0) AS current_ar,
       coalesce(sum(l.sales) FILTER (WHERE l.day >= p.t0::DATE), 0) AS sales,
       (SELECT first_day FROM first) < p.t0::DATE AS has_history
FROM p
JOIN l ON l.day < p.t1::DATE
GROUP BY p.i, l.g, p.t0, p.t1
