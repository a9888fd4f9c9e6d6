-- Per invoice (one row per Create Invoice), the facts the KPI library, the DSO impact and the root
-- cause read: invoice_facts and invoice_settlement, both built by each refresh (column meanings:
-- refresh/invoice-facts.sql and refresh/invoice-settlement.sql). A parenthesised subquery put in
-- place of __INVOICE_FACTS__ by mining/kpi-library/compose.ts (never run on its own). Parameters:
-- $log_id, $tz (the ERP's time zone: due dates are local calendar dates).
--   invoice_id, case_no, created_ts, gross_amount, pgi_ts, cancelled_ts, due_date, cleared_ts,
--   credited_ts, disputes, dispute_opened_ts, dispute_resolved_ts
--   created_date, pgi_date, cleared_date: local calendar dates; days_late = cleared_date − due_date
--   first_time_right  never cancelled, credited or disputed (a re-issue follows a cancellation)
(
  SELECT *, cleared_date - due_date AS days_late FROM (
    SELECT f.invoice_id, s.case_no, f.created_ts, f.gross_amount, f.pgi_ts, f.cancelled_ts,
           s.due_date, s.cleared_ts,
           -- the refresh's local dates when they are in $tz (as a rule), else converted here
           CASE WHEN s.tz = $tz THEN s.created_date ELSE timezone($tz, f.created_ts::TIMESTAMPTZ)::DATE END AS created_date,
           CASE WHEN s.tz = $tz THEN s.pgi_date ELSE timezone($tz, f.pgi_ts::TIMESTAMPTZ)::DATE END AS pgi_date,
           CASE WHEN s.tz = $tz THEN s.cleared_date ELSE timezone($tz, s.cleared_ts::TIMESTAMPTZ)::DATE END AS cleared_date,
           s.credited_ts, s.disputes, s.dispute_opened_ts, s.dispute_resolved_ts,
           f.cancelled_ts IS NULL AND s.credited_ts IS NULL AND s.disputes = 0 AS first_time_right
    FROM invoice_facts f
    JOIN invoice_settlement s ON s.log_id = f.log_id AND s.invoice_id = f.invoice_id
    WHERE f.log_id = $log_id
  )
)
