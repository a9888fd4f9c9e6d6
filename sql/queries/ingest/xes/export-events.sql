-- The events of a case-centric log (XES, CSV: objects of type 'case') for XES export: traces in order of their first event, events
-- in load order (events.seq, i.e. file order), the trace's attributes on its first row only.
WITH ev AS (
  SELECT eo.object_id AS case_id, e.seq, e.activity, e.ts, e.user_id, e.attrs,
         min(e.seq) OVER (PARTITION BY eo.object_id) AS first_seq
  FROM events e
  JOIN event_object eo ON eo.log_id = e.log_id AND eo.event_id = e.event_id
  JOIN objects c ON c.log_id = eo.log_id AND c.object_id = eo.object_id AND c.object_type = 'case'
  WHERE e.log_id = $log_id
)
SELECT ev.case_id,
       CASE WHEN ev.seq = ev.first_seq THEN coalesce(o.attrs, '{}')::VARCHAR END AS case_attrs,
       ev.activity,
       strftime(ev.ts, '%Y-%m-%dT%H:%M:%S.%g') || '+00:00' AS ts,
       ev.user_id,
       ev.attrs::VARCHAR AS attrs
FROM ev
JOIN objects o ON o.log_id = $log_id AND o.object_id = ev.case_id
ORDER BY ev.first_seq, ev.case_id, ev.seq
