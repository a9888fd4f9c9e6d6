-- Open SLA breaches per rule as of each given time (mining/sla-defaults.ts explains the rules).
-- A clock starts at each start event before the time; it is open when no end event happened at
-- or after its start and before the time; it runs from the latest restart event (if any) and is
-- breached when it has run longer than the limit. An open clock does not count while one of the
-- rule's exempting pairs (e.g. Set/Release Credit Block) is open in an order holding its start
-- event. $rules: JSON [{id, scope: case|object, object_type, start, end: [..], restart: [..],
-- pause: [{set, clear}], limit_seconds}]; $times: JSON [{i, at}].
WITH
rules AS (
  SELECT *, CASE WHEN scope = 'case' THEN 'case' ELSE object_type END AS kind
  FROM (SELECT unnest(r) FROM (SELECT unnest(from_json($rules,
    '[{"id":"VARCHAR","scope":"VARCHAR","object_type":"VARCHAR","start":"VARCHAR","end":["VARCHAR"],"restart":["VARCHAR"],"pause":[{"set":"VARCHAR","clear":"VARCHAR"}],"limit_seconds":"DOUBLE"}]')) AS r))
),
times AS (
  SELECT i, "at"::TIMESTAMP AS as_of
  FROM (SELECT unnest(from_json($times, '[{"i":"INTEGER","at":"VARCHAR"}]'), recursive := true))
),
pauses AS (SELECT id, unnest(pause, recursive := true) FROM rules),
acts AS (   -- the activities each kind of scope needs, as lists (filters, not joins)
  SELECT list(DISTINCT activity) FILTER (WHERE kind = 'case') AS for_cases,
         list(DISTINCT activity) FILTER (WHERE kind <> 'case') AS for_objects
  FROM (
    SELECT kind, "start" AS activity FROM rules
    UNION ALL SELECT kind, unnest("end") FROM rules
    UNION ALL SELECT kind, unnest(restart) FROM rules
    UNION ALL SELECT 'case', "set" FROM pauses
    UNION ALL SELECT 'case', "clear" FROM pauses
  )
),
case_ev AS MATERIALIZED (
  SELECT case_id AS entity, event_seq AS event_key, activity, ts, seq
  FROM case_trace
  WHERE log_id = $log_id AND perspective = 'order'
    AND list_contains(coalesce((SELECT for_cases FROM acts), []), activity)
),
obj AS (
  SELECT DISTINCT object_id, object_type
  FROM objects
  WHERE log_id = $log_id AND object_type IN (SELECT object_type FROM rules WHERE scope = 'object')
),
ev AS MATERIALIZED (   -- (kind, entity): 'case' + case id, or the object type + object id
  SELECT 'case' AS kind, entity, event_key, activity, ts FROM case_ev
  UNION ALL
  SELECT DISTINCT o.object_type, o.object_id, e.seq, e.activity, e.ts
  FROM (SELECT event_id, seq, activity, ts FROM events
        WHERE log_id = $log_id AND list_contains(coalesce((SELECT for_objects FROM acts), []), activity)) e
  JOIN event_object eo ON eo.log_id = $log_id AND eo.event_id = e.event_id
  JOIN obj o ON o.object_id = eo.object_id
),
starts AS MATERIALIZED (
  SELECT r.id, r.kind, r."end" AS ends, coalesce(r.restart, []) AS restart,
         r.limit_seconds, t.i, t.as_of, s.entity, s.event_key, s.ts AS start_ts
  FROM rules r
  JOIN ev s ON s.kind = r.kind AND s.activity = r."start"
  JOIN times t ON s.ts < t.as_of
),
ended AS (
  SELECT DISTINCT s.id, s.i, s.entity, s.event_key
  FROM starts s
  JOIN ev e ON e.kind = s.kind AND e.entity = s.entity
  WHERE list_contains(s.ends, e.activity) AND e.ts >= s.start_ts AND e.ts < s.as_of
),
running AS (
  SELECT s.* FROM starts s
  ANTI JOIN ended x ON x.id = s.id AND x.i = s.i AND x.entity = s.entity AND x.event_key = s.event_key
),
restarted AS (
  SELECT r.id, r.i, r.entity, r.event_key, max(e.ts) AS restart_ts
  FROM running r
  JOIN ev e ON e.kind = r.kind AND e.entity = r.entity
  WHERE list_contains(r.restart, e.activity) AND e.ts >= r.start_ts AND e.ts < r.as_of
  GROUP BY ALL
),
breached AS (
  SELECT r.id, r.i, r.as_of, r.entity, r.event_key
  FROM running r
  LEFT JOIN restarted x ON x.id = r.id AND x.i = r.i AND x.entity = r.entity AND x.event_key = r.event_key
  WHERE epoch(r.as_of) - epoch(greatest(r.start_ts, coalesce(x.restart_ts, r.start_ts))) > r.limit_seconds
),
exempt AS (   -- the last set/clear event of a pair before the time, in a case holding the start, is a set
  SELECT DISTINCT id, i, entity, event_key FROM (
    SELECT b.id, b.i, b.entity, b.event_key, p."set" AS set_activity, arg_max(pe.activity, pe.seq) AS last_activity
    FROM breached b
    JOIN pauses p ON p.id = b.id
    JOIN case_trace home ON home.log_id = $log_id AND home.perspective = 'order' AND home.event_seq = b.event_key
    JOIN case_ev pe ON pe.entity = home.case_id AND pe.activity IN (p."set", p."clear") AND pe.ts < b.as_of
    GROUP BY b.id, b.i, b.entity, b.event_key, home.case_id, p."set", p."clear"
  ) WHERE last_activity = set_activity
)
SELECT b.i, b.id AS rule_id, count(*)::INTEGER AS open_breaches
FROM breached b
ANTI JOIN exempt x ON x.id = b.id AND x.i = b.i AND x.entity = b.entity AND x.event_key = b.event_key
GROUP BY b.i, b.id
ORDER BY b.i, b.id
