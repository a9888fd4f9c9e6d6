-- Step 2 of the SLA evaluation: measures the clocks of sla_work (work-clocks.sql) on their
-- calendars and writes them to sla_clocks. Business seconds up to t, B(t), is a look-up in
-- sla_calendar_windows (ASOF join: the last window opening at or before t) and two clips; a due
-- time is the inverse (the last window whose cum_before is below the target). Then:
--   used = B(stop or as_of) − B(start); due = B⁻¹(B(start) + allowance); risk = B⁻¹(B(start) + risk share).
--   status: restarted (a restart stopped it) | met / breached (its end event came by / after the
--   due time) | exempt (open, and an exempting block of the case is open as of as_of) |
--   open_breached (open past its due time) | at_risk (open, used ≥ the at-risk share) | open.
-- A clock is breached when it stops (or, open, is measured) after its due time; as business time
-- stands still outside working hours, used − allowance is then ≥ 0 and sets the severity:
-- (used − allowance) ÷ allowance below major_pct % is minor, above critical_pct % critical.
-- $log_id (its calendar windows), $as_of (ISO), $policy_version.
INSERT INTO sla_clocks
WITH
k AS (
  SELECT *, coalesce(stop_ts, $as_of::TIMESTAMP) AS upto FROM sla_work   -- this evaluation's clocks only
),
b1 AS (
  SELECT k.*, coalesce(w.cum_before + least(greatest(epoch(k.start_ts) - epoch(w.open_utc), 0), epoch(w.close_utc) - epoch(w.open_utc)), 0) AS b_start
  FROM k ASOF LEFT JOIN sla_calendar_windows w
    ON w.log_id = $log_id AND w.calendar_id = k.calendar_id AND k.start_ts >= w.open_utc
),
b2 AS (
  SELECT b1.*, coalesce(w.cum_before + least(greatest(epoch(b1.upto) - epoch(w.open_utc), 0), epoch(w.close_utc) - epoch(w.open_utc)), 0) AS b_upto,
         b1.b_start + b1.allowance_s AS due_b, b1.b_start + b1.risk_s AS risk_b
  FROM b1 ASOF LEFT JOIN sla_calendar_windows w
    ON w.log_id = $log_id AND w.calendar_id = b1.calendar_id AND b1.upto >= w.open_utc
),
d1 AS (
  SELECT b2.*, epoch(w.open_utc) + (b2.due_b - w.cum_before) AS due_s
  FROM b2 ASOF LEFT JOIN sla_calendar_windows w
    ON w.log_id = $log_id AND w.calendar_id = b2.calendar_id AND b2.due_b > w.cum_before
),
d2 AS (
  SELECT d1.*, epoch(w.open_utc) + (d1.risk_b - w.cum_before) AS risk_s_at
  FROM d1 ASOF LEFT JOIN sla_calendar_windows w
    ON w.log_id = $log_id AND w.calendar_id = d1.calendar_id AND d1.risk_b > w.cum_before
),
m AS (
  SELECT *, b_upto - b_start AS used,
         epoch(upto) > due_s AS late,
         coalesce(list_bool_or(list_transform(exempt_periods,
           p -> p.from_ts <= $as_of::TIMESTAMP AND (p.to_ts IS NULL OR p.to_ts > $as_of::TIMESTAMP))), false) AS exempt_now
  FROM d2
)
SELECT log_id, perspective, case_no, case_id, rule_id, entity_id, start_event_seq, clock_no, calendar_id, start_ts,
       make_timestamp(round(due_s * 1e6)::BIGINT) AS due_ts,
       make_timestamp(round(risk_s_at * 1e6)::BIGINT) AS risk_ts,
       stop_ts, end_ts, $as_of::TIMESTAMP AS as_of, used AS used_seconds, allowance_s AS allowance_seconds,
       CASE WHEN stopped_by = 'restart' THEN 'restarted'
            WHEN stopped_by = 'end' THEN CASE WHEN late THEN 'breached' ELSE 'met' END
            WHEN exempt_now THEN 'exempt'
            WHEN late THEN 'open_breached'
            WHEN used >= risk_s THEN 'at_risk'
            ELSE 'open' END AS status,
       CASE WHEN stopped_by IS DISTINCT FROM 'restart' AND late AND (stopped_by = 'end' OR NOT exempt_now) THEN
         CASE WHEN (used - allowance_s) * 100 > critical_pct * allowance_s THEN 'critical'
              WHEN (used - allowance_s) * 100 >= major_pct * allowance_s THEN 'major'
              ELSE 'minor' END
       END AS severity,
       exempt_periods, $policy_version AS policy_version
FROM m
