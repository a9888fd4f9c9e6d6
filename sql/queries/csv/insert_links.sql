-- Each event linked to its case object (qualifier `case`): every new event, and an event the log
-- already had only when that link is not stored yet.
INSERT INTO event_object (log_id, event_id, object_id, qualifier)
SELECT $log_id, event_id, 'case:' || case_id, 'case' FROM csv_ev WHERE event_id NOT IN (SELECT event_id FROM csv_present)
UNION ALL
SELECT $log_id, c.event_id, 'case:' || c.case_id, 'case'
FROM csv_ev c
WHERE c.event_id IN (SELECT event_id FROM csv_present)
  AND NOT EXISTS (SELECT 1 FROM event_object o
                  WHERE o.log_id = $log_id AND o.event_id = c.event_id AND o.object_id = 'case:' || c.case_id AND o.qualifier = 'case');
