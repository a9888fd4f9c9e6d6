-- Log statistics (mining/log-stats.ts), object-centric log: one flattening per object type. A case
-- is an object of that type that has events; its trace is its events via event_object (each once),
-- ordered by ts, then load order (events.seq).
CREATE OR REPLACE TEMP TABLE stats_trace AS
WITH p AS (
  SELECT DISTINCT o.object_type, eo.object_id, e.seq AS event_seq, e.ts, e.activity
  FROM event_object eo
  JOIN events e ON e.log_id = eo.log_id AND e.event_id = eo.event_id
  JOIN objects o ON o.log_id = eo.log_id AND o.object_id = eo.object_id
  WHERE eo.log_id = $log_id
)
SELECT object_type, dense_rank() OVER (ORDER BY object_id)::BIGINT AS case_key,
       row_number() OVER (PARTITION BY object_id ORDER BY ts, event_seq)::BIGINT AS seq, activity
FROM p
