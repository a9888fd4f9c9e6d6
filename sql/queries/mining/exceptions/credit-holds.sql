-- Queue creditHolds: orders whose latest Set Credit Block has no Release Credit Block after it
-- (trace order), and that are not cancelled. Waiting since the first Set after the last release.
-- Columns of every queue: case_no, object_id, since_ts, due_ts, amount (NULL = the order's net
-- value), currency, team, detail, status, warehouse (NULL = the order's).
WITH b AS (
  SELECT case_no,
         max(seq) FILTER (WHERE activity = 'Release Credit Block') AS released_seq,
         max(seq) FILTER (WHERE activity = 'Set Credit Block') AS set_seq,
         list({'seq': seq, 'ts': ts}) FILTER (WHERE activity = 'Set Credit Block') AS sets,
         bool_or(activity = 'Cancel Order') AS cancelled
  FROM case_trace
  WHERE log_id = $log_id AND perspective = $perspective
    AND activity IN ('Set Credit Block', 'Release Credit Block', 'Cancel Order')
    AND case_no IN __SELECTED_CASES__
  GROUP BY case_no
)
SELECT case_no, NULL::VARCHAR AS object_id,
       list_min(list_transform(list_filter(sets, s -> s.seq > coalesce(released_seq, 0)), s -> s.ts)) AS since_ts,
       NULL::TIMESTAMP AS due_ts, NULL::DOUBLE AS amount, NULL::VARCHAR AS currency,
       'Credit' AS team, NULL::VARCHAR AS detail, NULL::VARCHAR AS status, NULL::VARCHAR AS warehouse
FROM b
WHERE set_seq > coalesce(released_seq, 0) AND NOT cancelled
