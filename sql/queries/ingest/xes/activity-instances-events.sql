-- The events activity_instances.sql pairs, from the store: every event of the log with its case,
-- activity, seq, time and lifecycle ('s' start, 'c' complete, NULL other transitions).
CREATE OR REPLACE TEMP TABLE xes_ai_ev AS
  SELECT eo.object_id AS case_id, e.activity, hash(eo.object_id, e.activity) AS pk, e.seq, e.ts,
       CASE lower(coalesce(json_extract_string(e.attrs, '$."lifecycle:transition"'), 'complete'))
         WHEN 'start' THEN 's' WHEN 'complete' THEN 'c' END AS lc
FROM events e
JOIN event_object eo ON eo.log_id = e.log_id AND eo.event_id = e.event_id AND eo.qualifier = 'case'
WHERE e.log_id = $log_id
