-- Median hours from the goods issue of the invoiced delivery to Create Invoice, over the invoices
-- created in each period (invoices without a known goods issue are left out). Invoices belong to
-- the order they bill (invoice_settlement); invoices of no order count only when no filter is set
-- ($all_cases), as in the KPI library. $periods: JSON [{i, from, to}].
WITH p AS (
  SELECT i, "from"::TIMESTAMP AS t0, "to"::TIMESTAMP AS t1
  FROM (SELECT unnest(from_json($periods, '[{"i":"INTEGER","from":"VARCHAR","to":"VARCHAR"}]'), recursive := true))
)
SELECT p.i, median((epoch(f.created_ts) - epoch(f.pgi_ts)) / 3600.0) AS value, count(f.invoice_id)::INTEGER AS n
FROM p
LEFT JOIN invoice_facts f ON f.log_id = $log_id AND f.pgi_ts IS NOT NULL
  AND f.created_ts >= p.t0 AND f.created_ts < p.t1
  AND ($all_cases OR f.invoice_id IN (SELECT s.invoice_id FROM invoice_settlement s WHERE s.log_id = $log_id AND s.case_no IN __SELECTED_CASES__))
GROUP BY p.i
ORDER BY p.i
