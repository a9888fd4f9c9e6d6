-- A case-centric log (XES, CSV): the case is one object of type $case_type and its trace is the
-- events related to it directly. Same numbering and the same speed tricks as the order perspective.
INSERT INTO case_events (log_id, perspective, case_id, case_no, seq, activity, ts, event_id,
                         user_id, user_type, amount, ts_precision, source_system)
WITH c AS MATERIALIZED (
  SELECT object_id AS case_id, row_number() OVER (ORDER BY object_id)::INTEGER AS case_no
  FROM (SELECT DISTINCT object_id FROM objects WHERE log_id = $log_id AND object_type = $case_type)
),
pairs AS (
  SELECT DISTINCT c.case_no, e.seq AS event_seq, e.ts
  FROM c
  JOIN event_object eo ON eo.log_id = $log_id AND eo.object_id = c.case_id
  JOIN (SELECT event_id, seq, ts FROM events WHERE log_id = $log_id) e ON e.event_id = eo.event_id
),
numbered AS (
  SELECT case_no, event_seq,
         row_number() OVER (PARTITION BY case_no ORDER BY ts, event_seq)::INTEGER AS seq
  FROM pairs
)
SELECT $log_id, $perspective, c.case_id, n.case_no, n.seq, e.activity, e.ts, e.event_id, e.user_id,
       e.user_type, e.amount, e.ts_precision, e.source_system
FROM numbered n
JOIN c ON c.case_no = n.case_no
JOIN events e ON e.log_id = $log_id AND e.seq = n.event_seq
