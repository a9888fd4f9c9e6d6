-- KPI library, invoice and cash KPIs for each period and group over the invoices of the selected
-- cases (an invoice belongs to the order it bills). Rows: kpi, i, g, value, n (invoices/disputes).
--   invoiceLatencyHours: median Create Invoice − goods issue of the invoiced delivery, invoices
--     created in the period (those without a known goods issue are left out)
--   invoicedSameDayRate / invoicedAfterFiveDaysRate: the same invoices, by local calendar days
--     between goods issue and invoice (0; more than 5)
--   firstTimeRightRate, disputeRate (count), disputeValueRate (gross amounts): invoices created in
--     the period (cancelled ones included: a cancellation is what makes them not first time right)
--   latePaymentRate: invoices cleared by payment in the period (with a due date) whose local
--     clearing date is after the due date; invoiceToCashDays: median created → cleared, same invoices
--   disputeResolutionDays: median Open Dispute → Resolve Dispute, invoices whose disputes were all
--     resolved in the period
WITH p AS (
  SELECT i, "from"::TIMESTAMP AS t0, "to"::TIMESTAMP AS t1
  FROM (SELECT unnest(from_json($periods, '[{"i":"INTEGER","from":"VARCHAR","to":"VARCHAR"}]'), recursive := true))
),
f AS __INVOICE_FACTS__,
fc AS MATERIALIZED (
  SELECT f.*, {{group}} AS g,
         f.created_date - f.pgi_date AS latency_days
  FROM f JOIN cases c ON c.log_id = $log_id AND c.perspective = 'order' AND c.case_no = f.case_no
  WHERE f.case_no IN __SELECTED_CASES__
),
created AS (
  SELECT p.i, fc.g, count(*) AS n,
         median((epoch(fc.created_ts) - epoch(fc.pgi_ts)) / 3600.0) AS latency,
         count(fc.pgi_ts) AS n_latency,
         count(*) FILTER (WHERE fc.latency_days = 0) AS same_day,
         count(*) FILTER (WHERE fc.latency_days > 5) AS over_five,
         count(*) FILTER (WHERE fc.first_time_right) AS ftr,
         count(*) FILTER (WHERE fc.disputes > 0) AS disputed,
         sum(fc.gross_amount) FILTER (WHERE fc.disputes > 0) AS disputed_value,
         sum(fc.gross_amount) AS value
  FROM p JOIN fc ON fc.created_ts >= p.t0 AND fc.created_ts < p.t1
  GROUP BY p.i, fc.g
),
cleared AS (
  SELECT p.i, fc.g, count(*) AS n, count(*) FILTER (WHERE fc.days_late > 0) AS late,
         median((epoch(fc.cleared_ts) - epoch(fc.created_ts)) / 86400.0) AS to_cash
  FROM p JOIN fc ON fc.cleared_ts >= p.t0 AND fc.cleared_ts < p.t1 AND fc.due_date IS NOT NULL
  GROUP BY p.i, fc.g
),
resolved AS (
  SELECT p.i, fc.g, count(*) AS n,
         median((epoch(fc.dispute_resolved_ts) - epoch(fc.dispute_opened_ts)) / 86400.0) AS days
  FROM p JOIN fc ON fc.dispute_resolved_ts >= p.t0 AND fc.dispute_resolved_ts < p.t1
  GROUP BY p.i, fc.g
)
SELECT 'invoiceLatencyHours' AS kpi, i, g, latency AS value, n_latency::INTEGER AS n FROM created WHERE n_latency > 0
UNION ALL SELECT 'invoicedSameDayRate', i, g, 100.0 * same_day / n_latency, n_latency::INTEGER FROM created WHERE n_latency > 0
UNION ALL SELECT 'invoicedAfterFiveDaysRate', i, g, 100.0 * over_five / n_latency, n_latency::INTEGER FROM created WHERE n_latency > 0
UNION ALL SELECT 'firstTimeRightRate', i, g, 100.0 * ftr / n, n::INTEGER FROM created
UNION ALL SELECT 'disputeRate', i, g, 100.0 * disputed / n, n::INTEGER FROM created
UNION ALL SELECT 'disputeValueRate', i, g, CASE WHEN value > 0 THEN 100.0 * coalesce(disputed_value, 0) / value END, n::INTEGER FROM created
UNION ALL SELECT 'latePaymentRate', i, g, 100.0 * late / n, n::INTEGER FROM cleared
UNION ALL SELECT 'invoiceToCashDays', i, g, to_cash, n::INTEGER FROM cleared
UNION ALL SELECT 'disputeResolutionDays', i, g, days, n::INTEGER FROM resolved
