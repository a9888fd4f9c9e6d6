-- For each period: AR at its end (everything in the ledger before "to") and credit sales in it
-- (gross invoices created in it, less cancellations booked in it), for the DSO.
-- $periods: JSON [{i, from, to}]. $by_day: every bound is a midnight (UTC), so the ledger is summed
-- per day before the running totals (hundreds of rows to sort instead of a million instants: 2.1 →
-- 0.1 s of CPU at 1M orders); a day's rows are all before a midnight bound or none is. Movements
-- of the selected orders' invoices only, unless nothing is filtered ($all_cases: every movement).
WITH p AS (
  SELECT i, "from"::TIMESTAMP AS t0, "to"::TIMESTAMP AS t1
  FROM (SELECT unnest(from_json($periods, '[{"i":"INTEGER","from":"VARCHAR","to":"VARCHAR"}]'), recursive := true))
),
l AS MATERIALIZED (   -- running AR and running credit sales after each ledger instant: each period reads two rows (ASOF)
  SELECT ts,
         sum(sum(amount)) OVER w AS ar,
         coalesce(sum(sum(amount) FILTER (WHERE kind IN ('invoice', 'cancellation'))) OVER w, 0) AS sales
  FROM (SELECT CASE WHEN $by_day THEN date_trunc('day', ts) ELSE ts END AS ts, kind, amount FROM ar_ledger WHERE log_id = $log_id
          AND ($all_cases OR invoice_id IN (SELECT s.invoice_id FROM invoice_settlement s WHERE s.log_id = $log_id AND s.case_no IN __SELECTED_CASES__)))
  GROUP BY ts
  WINDOW w AS (ORDER BY ts)
)
SELECT p.i,
       coalesce(e.ar, 0) AS ar_end,
       coalesce(e.sales, 0) - coalesce(b.sales, 0) AS sales,
       (SELECT min(ts) FROM l) < p.t0 AS has_history
FROM p
ASOF LEFT JOIN l e ON p.t1 > e.ts
ASOF LEFT JOIN l b ON p.t0 > b.ts
ORDER BY p.i
