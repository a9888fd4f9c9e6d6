-- The order perspective (docs/model.md): a sales order's trace is every event related to the
-- order or to an object reachable from it by following object_object relations outward
-- (source → target): lines, deliveries, invoices, cancellations, credit memos, payments, disputes.
-- Customers and other sales orders are never entered (object ids are '<type>:<key>', so the
-- target's type is its prefix). Each event appears once per case, numbered 1..n by
-- (ts, events.seq); events.seq (load order, unique in the store) settles equal times.
-- Speed: orders are numbered (case_no), the DISTINCT and the window run on integers and times
-- only, and the event columns are fetched afterwards by seq.
INSERT INTO case_events (log_id, perspective, case_id, case_no, seq, activity, ts, event_id,
                         user_id, user_type, amount, ts_precision, source_system)
WITH RECURSIVE
orders AS MATERIALIZED (
  SELECT object_id AS case_id, row_number() OVER (ORDER BY object_id)::INTEGER AS case_no
  FROM (SELECT DISTINCT object_id FROM objects WHERE log_id = $log_id AND object_type = 'sales_order')
),
edge AS MATERIALIZED (
  SELECT source_id, target_id FROM object_object
  WHERE log_id = $log_id AND NOT (target_id LIKE 'customer:%' OR target_id LIKE 'sales_order:%')
),
reach(case_no, object_id) AS (
  SELECT case_no, case_id FROM orders
  UNION
  SELECT r.case_no, e.target_id FROM reach r JOIN edge e ON e.source_id = r.object_id
),
pairs AS (
  SELECT DISTINCT r.case_no, e.seq AS event_seq, e.ts
  FROM reach r
  JOIN event_object eo ON eo.log_id = $log_id AND eo.object_id = r.object_id
  JOIN (SELECT event_id, seq, ts FROM events WHERE log_id = $log_id) e ON e.event_id = eo.event_id
),
numbered AS (
  SELECT case_no, event_seq,
         row_number() OVER (PARTITION BY case_no ORDER BY ts, event_seq)::INTEGER AS seq
  FROM pairs
)
SELECT $log_id, 'order', o.case_id, n.case_no, n.seq, e.activity, e.ts, e.event_id, e.user_id,
       e.user_type, e.amount, e.ts_precision, e.source_system
FROM numbered n
JOIN orders o ON o.case_no = n.case_no
JOIN events e ON e.log_id = $log_id AND e.seq = n.event_seq
