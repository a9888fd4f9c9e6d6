-- The order perspective (docs/model.md): a sales order's trace is every event related to the
-- order or to an object reachable from it by following object_object relations outward
-- (source → target): lines, deliveries, invoices, cancellations, credit memos, payments, disputes.
-- Customers and other sales orders are never entered (object ids are '<type>:<key>', so the
-- target's type is its prefix). Each event appears once per case, numbered 1..n by
-- (ts, events.seq); events.seq (load order, unique in the store) settles equal times.
-- Speed: orders are numbered (case_no) so the DISTINCT and the window run on integers; only the
-- trace is written (case_trace), the event's other columns stay in events (view case_events).
INSERT INTO case_trace (log_id, perspective, case_id, case_no, seq, event_seq, activity, ts, act, prev_act, prev_dt, first_act, first_edge)
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
  SELECT DISTINCT r.case_no, e.seq AS event_seq, e.ts, e.activity
  FROM reach r
  JOIN event_object eo ON eo.log_id = $log_id AND eo.object_id = r.object_id
  JOIN (SELECT event_id, seq, ts, activity FROM events WHERE log_id = $log_id) e ON e.event_id = eo.event_id
),
numbered AS (
SELECT c.case_id, p.case_no,
       row_number() OVER w::INTEGER AS seq,
       p.event_seq, p.activity, p.ts, a.act, lag(a.act) OVER w AS prev_act, epoch(p.ts) - epoch(lag(p.ts) OVER w) AS prev_dt
FROM pairs p
JOIN orders c ON c.case_no = p.case_no
JOIN (SELECT act, activity FROM log_activities WHERE log_id = $log_id) a ON a.activity = p.activity
WINDOW w AS (PARTITION BY p.case_no ORDER BY p.ts, p.event_seq)
)
-- First occurrence of the activity, and of the (previous, this) pair, in the case: cases per
-- activity and per edge become sums instead of count(DISTINCT case_no).
SELECT $log_id, 'order', case_id, case_no, seq, event_seq, activity, ts, act, prev_act, prev_dt,
       row_number() OVER (PARTITION BY case_no, act ORDER BY seq) = 1,
       row_number() OVER (PARTITION BY case_no, prev_act, act ORDER BY seq) = 1
FROM numbered
