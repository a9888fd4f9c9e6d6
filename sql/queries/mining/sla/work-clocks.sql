-- Step 1 of the SLA evaluation: every clock instance of every rule, not yet measured, into the
-- temporary table sla_work (step 2, measure.sql, adds business time, due times and status).
-- Pairing (kept from the elapsed-hours rules it replaces): a clock starts at each start event and
-- stops at the first end event at or after it (same time counts), within one case (per = 'case')
-- or one object of the rule's type (per = <object type>: the object's own events). Each restart
-- event while the clock runs opens a new instance (clock_no 1, 2, …) and stops the previous one.
-- The clock belongs to the case(s) whose trace holds the start event; the rule's scope filters
-- those cases by attribute. Exempt periods: for each exempting pair, the spans (set, next set or
-- clear of that pair] in the case, in trace order.
-- $rules: JSON [{id, per, start, end[], restart[], pause[{set, clear}], calendar, allowance_s,
-- risk_s, major_pct, critical_pct, segment[], channel[], order_type[], warehouse[]}] (empty list
-- = any); $case_acts, $object_acts, $object_types: JSON string lists.
CREATE OR REPLACE TEMP TABLE sla_work AS
WITH
rules AS MATERIALIZED (
  SELECT *, per AS kind   -- 'case', or the object type
  FROM (SELECT unnest(x) FROM (SELECT unnest(from_json($rules,
    '[{"id":"VARCHAR","per":"VARCHAR","start":"VARCHAR","end":["VARCHAR"],"restart":["VARCHAR"],"pause":[{"set":"VARCHAR","clear":"VARCHAR"}],"calendar":"VARCHAR","allowance_s":"DOUBLE","risk_s":"DOUBLE","major_pct":"DOUBLE","critical_pct":"DOUBLE","segment":["VARCHAR"],"channel":["VARCHAR"],"order_type":["VARCHAR"],"warehouse":["VARCHAR"]}]')) AS x))
),
case_ev AS MATERIALIZED (
  SELECT case_no, case_id, event_seq, activity, ts
  FROM case_trace
  WHERE log_id = $log_id AND perspective = $perspective
    AND list_contains(from_json($case_acts, '["VARCHAR"]'), activity)
),
obj_ev AS MATERIALIZED (
  SELECT DISTINCT o.object_type AS kind, o.object_id AS entity, e.seq AS event_seq, e.activity, e.ts
  FROM (SELECT event_id, seq, activity, ts FROM events
        WHERE log_id = $log_id AND list_contains(from_json($object_acts, '["VARCHAR"]'), activity)) e
  JOIN event_object eo ON eo.log_id = $log_id AND eo.event_id = e.event_id
  JOIN objects o ON o.log_id = $log_id AND o.object_id = eo.object_id
  WHERE list_contains(from_json($object_types, '["VARCHAR"]'), o.object_type)
),
ev AS MATERIALIZED (
  SELECT 'case' AS kind, case_id AS entity, event_seq, activity, ts FROM case_ev
  UNION ALL
  SELECT kind, entity, event_seq, activity, ts FROM obj_ev
),
starts AS MATERIALIZED (
  SELECT r.id AS rule_id, r.kind, s.entity, s.event_seq AS start_seq, s.ts AS start_ts
  FROM rules r JOIN ev s ON s.kind = r.kind AND s.activity = r."start"
),
ends AS (
  SELECT s.rule_id, s.entity, s.start_seq, min(e.ts) AS end_ts
  FROM starts s
  JOIN rules r ON r.id = s.rule_id
  JOIN ev e ON e.kind = s.kind AND e.entity = s.entity AND e.ts >= s.start_ts
  WHERE list_contains(r."end", e.activity)
  GROUP BY ALL
),
clocks AS MATERIALIZED (
  SELECT s.*, x.end_ts FROM starts s LEFT JOIN ends x USING (rule_id, entity, start_seq)
),
restarts AS (
  SELECT c.rule_id, c.entity, c.start_seq, e.ts, e.event_seq
  FROM clocks c
  JOIN rules r ON r.id = c.rule_id AND len(r.restart) > 0
  JOIN ev e ON e.kind = c.kind AND e.entity = c.entity AND e.ts >= c.start_ts AND (c.end_ts IS NULL OR e.ts < c.end_ts)
  WHERE list_contains(r.restart, e.activity)
),
instances AS (
  SELECT rule_id, entity, start_seq, 0 AS clock_no, start_ts AS from_ts FROM clocks
  UNION ALL
  SELECT rule_id, entity, start_seq,
         row_number() OVER (PARTITION BY rule_id, entity, start_seq ORDER BY ts, event_seq)::INTEGER, ts
  FROM restarts
),
timed AS (
  SELECT i.*, c.end_ts,
         lead(i.from_ts) OVER (PARTITION BY i.rule_id, i.entity, i.start_seq ORDER BY i.clock_no) AS next_restart
  FROM instances i JOIN clocks c USING (rule_id, entity, start_seq)
),
homes AS (   -- the case(s) holding each start event
  SELECT DISTINCT c.rule_id, c.entity, c.start_seq, t.case_no, t.case_id
  FROM clocks c
  JOIN case_trace t ON t.log_id = $log_id AND t.perspective = $perspective AND t.event_seq = c.start_seq
),
in_scope AS (
  SELECT h.*, r.calendar, r.allowance_s, r.risk_s, r.major_pct, r.critical_pct
  FROM homes h
  JOIN rules r ON r.id = h.rule_id
  LEFT JOIN cases k ON k.log_id = $log_id AND k.perspective = $perspective AND k.case_no = h.case_no
  WHERE (len(r.segment) = 0 OR list_contains(r.segment, k.segment))
    AND (len(r.channel) = 0 OR list_contains(r.channel, k.channel))
    AND (len(r.order_type) = 0 OR list_contains(r.order_type, k.order_type))
    AND (len(r.warehouse) = 0 OR len(list_intersect(r.warehouse, string_split(coalesce(k.warehouse, ''), ','))) > 0)
),
pauses AS (
  SELECT id AS rule_id, generate_subscripts(pause, 1) AS pair_no, unnest(pause, recursive := true) FROM rules WHERE len(pause) > 0
),
pause_ev AS (
  SELECT p.rule_id, p.pair_no, c.case_no, c.activity = p."set" AS is_set, c.ts,
         lead(c.ts) OVER (PARTITION BY p.rule_id, p.pair_no, c.case_no ORDER BY c.ts, c.event_seq) AS next_ts
  FROM pauses p JOIN case_ev c ON c.activity = p."set" OR c.activity = p."clear"
),
exempt AS (
  SELECT rule_id, case_no, list({'from_ts': ts, 'to_ts': next_ts} ORDER BY ts, next_ts) AS periods
  FROM pause_ev WHERE is_set GROUP BY ALL
)
SELECT $log_id AS log_id, $perspective AS perspective, h.case_no, h.case_id, h.rule_id, h.entity AS entity_id,
       h.start_seq AS start_event_seq, t.clock_no, h.calendar AS calendar_id, t.from_ts AS start_ts,
       coalesce(t.next_restart, t.end_ts) AS stop_ts,
       CASE WHEN t.next_restart IS NULL THEN t.end_ts END AS end_ts,
       CASE WHEN t.next_restart IS NOT NULL THEN 'restart' WHEN t.end_ts IS NOT NULL THEN 'end' END AS stopped_by,
       h.allowance_s, h.risk_s, h.major_pct, h.critical_pct,
       coalesce(x.periods, []::STRUCT(from_ts TIMESTAMP, to_ts TIMESTAMP)[]) AS exempt_periods
FROM in_scope h
JOIN timed t USING (rule_id, entity, start_seq)
LEFT JOIN exempt x ON x.rule_id = h.rule_id AND x.case_no = h.case_no
