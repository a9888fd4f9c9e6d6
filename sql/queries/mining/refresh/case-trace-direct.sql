-- A case-centric log (XES, CSV): the case is one object of type $case_type and its trace is the
-- events related to it directly. Same numbering as the order perspective.
INSERT INTO case_trace (log_id, perspective, case_id, case_no, seq, event_seq, activity, ts, act, prev_act, prev_dt, first_act, first_edge)
WITH c AS MATERIALIZED (
  SELECT object_id AS case_id, row_number() OVER (ORDER BY object_id)::INTEGER AS case_no
  FROM (SELECT DISTINCT object_id FROM objects WHERE log_id = $log_id AND object_type = $case_type)
),
pairs AS (
  SELECT DISTINCT c.case_no, e.seq AS event_seq, e.ts, e.activity
  FROM c
  JOIN event_object eo ON eo.log_id = $log_id AND eo.object_id = c.case_id
  JOIN (SELECT event_id, seq, ts, activity FROM events WHERE log_id = $log_id) e ON e.event_id = eo.event_id
),
numbered AS (
SELECT c.case_id, p.case_no,
       row_number() OVER w::INTEGER AS seq,
       p.event_seq, p.activity, p.ts, a.act, lag(a.act) OVER w AS prev_act, epoch(p.ts) - epoch(lag(p.ts) OVER w) AS prev_dt
FROM pairs p
JOIN c ON c.case_no = p.case_no
JOIN (SELECT act, activity FROM log_activities WHERE log_id = $log_id) a ON a.activity = p.activity
WINDOW w AS (PARTITION BY p.case_no ORDER BY p.ts, p.event_seq)
)
-- First occurrence of the activity, and of the (previous, this) pair, in the case: cases per
-- activity and per edge become sums instead of count(DISTINCT case_no).
SELECT $log_id, $perspective, case_id, case_no, seq, event_seq, activity, ts, act, prev_act, prev_dt,
       row_number() OVER (PARTITION BY case_no, act ORDER BY seq) = 1,
       row_number() OVER (PARTITION BY case_no, prev_act, act ORDER BY seq) = 1
FROM numbered
