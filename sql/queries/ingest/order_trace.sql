-- The order-perspective trace of one sales order (docs/model.md): every event related to the order
-- or to an object reachable from it along object_object (source -> target), customers excluded,
-- each event once, by time, then activity, then load order. Used by tests and for debugging.
WITH RECURSIVE reach(object_id) AS (
  SELECT $order_id::VARCHAR
  UNION
  SELECT oo.target_id FROM object_object oo JOIN reach r ON oo.source_id = r.object_id
  WHERE oo.log_id = $log_id AND oo.target_id NOT LIKE 'customer:%'
)
SELECT DISTINCT e.activity, strftime(e.ts, '%Y-%m-%dT%H:%M:%SZ') AS time, e.source_system AS system, e.ts, e.seq
FROM events e JOIN event_object eo ON eo.log_id = e.log_id AND eo.event_id = e.event_id
WHERE e.log_id = $log_id AND eo.object_id IN (SELECT object_id FROM reach)
ORDER BY e.ts, e.activity, e.seq;
