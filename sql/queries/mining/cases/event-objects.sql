-- The objects each event of a case touches, with the qualifier of the relation (event_object).
WITH ev AS (
  SELECT e.event_id
  FROM case_trace t
  JOIN events e ON e.log_id = t.log_id AND e.seq = t.event_seq
  WHERE t.log_id = $log_id AND t.perspective = $perspective AND t.case_no = $case_no
)
SELECT eo.event_id, eo.object_id, eo.qualifier
FROM event_object eo
WHERE eo.log_id = $log_id AND eo.event_id IN (SELECT event_id FROM ev)
ORDER BY eo.event_id, eo.object_id, eo.qualifier
