-- For each period: AR at its end (everything in the ledger before "to") and credit sales in it
-- (gross invoices created in it, less cancellations booked in it), for the DSO.
-- $periods: JSON [{i, from, to}].
WITH p AS (
  SELECT i, "from"::TIMESTAMP AS t0, "to"::TIMESTAMP AS t1
  FROM (SELECT unnest(from_json($periods, '[{"i":"INTEGER","from":"VARCHAR","to":"VARCHAR"}]'), recursive := true))
),
l AS (SELECT ts, kind, amount FROM ar_ledger WHERE log_id = $log_id)
SELECT p.i,
       coalesce(sum(l.amount), 0) AS ar_end,
       coalesce(sum(l.amount) FILTER (WHERE l.ts >= p.t0 AND l.kind IN ('invoice', 'cancellation')), 0) AS sales,
       (SELECT min(ts) FROM l) < p.t0 AS has_history
FROM p
LEFT JOIN l ON l.ts < p.t1
GROUP BY p.i, p.t0
ORDER BY p.i
