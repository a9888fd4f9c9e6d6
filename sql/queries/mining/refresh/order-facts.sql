-- Per order (order perspective), the facts the KPI library, the DSO impact and the root cause read
-- (table order_facts; readers get them through kpi/facts-orders.sql). Parameters: $log_id.
--   case_no, created_ts, first_pgi_ts, cancelled_ts       from cases
--   touched            a person did one of the order's office events: everything except warehouse
--                      floor work (Release Wave, Confirm Pick, Pack, Confirm Shipment, Carrier
--                      Pickup, Deliver) and the billing platform's messages with the customer (Send
--                      Invoice, Send Dunning Notice, Receive Payment, Payment Failed, Open/Resolve Dispute)
--   reworked           any Change … (price, quantity, requested date) after Create Sales Order
--   credit_blocks      Set Credit Block events; credit_hold_hours: the hours from each Set to the
--                      Release that follows it, summed; credit_unreleased: a block never released
--   price_requested_ts / price_decided_ts: first Request Price Approval, last Approve/Reject
--                      Price Exception (the order's pricing approval span)
--   released_ts        when the order was free to ship: the latest of Create Sales Order and each
--                      Release Credit Block, Approve/Reject Price Exception, Remove Delivery Block
--                      before the first goods issue (or ever, if none)
--   first_deliver_ts / last_deliver_ts: proof of delivery (Deliver) of the order's deliveries
INSERT INTO order_facts
WITH ev AS (
  SELECT t.case_no, t.seq, t.activity, t.ts, e.user_type, c.created_ts, c.first_pgi_ts
  FROM case_trace t
  JOIN events e ON e.log_id = t.log_id AND e.seq = t.event_seq
  JOIN cases c ON c.log_id = t.log_id AND c.perspective = t.perspective AND c.case_no = t.case_no
  WHERE t.log_id = $log_id AND t.perspective = 'order'
),
per AS (
  SELECT case_no,
         bool_or(user_type = 'human' AND activity NOT IN (
           'Release Wave', 'Confirm Pick', 'Pack', 'Confirm Shipment', 'Carrier Pickup', 'Deliver',
           'Send Invoice', 'Send Dunning Notice', 'Receive Payment', 'Payment Failed', 'Open Dispute', 'Resolve Dispute'
         )) AS touched,
         bool_or(activity LIKE 'Change %' AND ts > created_ts) AS reworked,
         count(*) FILTER (WHERE activity = 'Set Credit Block')::INTEGER AS credit_blocks,
         min(ts) FILTER (WHERE activity = 'Request Price Approval') AS price_requested_ts,
         max(ts) FILTER (WHERE activity IN ('Approve Price Exception', 'Reject Price Exception')) AS price_decided_ts,
         max(ts) FILTER (WHERE activity IN ('Release Credit Block', 'Approve Price Exception', 'Reject Price Exception', 'Remove Delivery Block')
                           AND (first_pgi_ts IS NULL OR ts <= first_pgi_ts)) AS last_release_ts,
         min(ts) FILTER (WHERE activity = 'Deliver') AS first_deliver_ts,
         max(ts) FILTER (WHERE activity = 'Deliver') AS last_deliver_ts
  FROM ev
  GROUP BY case_no
),
blocks AS (   -- each Set Credit Block with the Release that directly follows it among the two
  SELECT case_no, ts AS set_ts, CASE WHEN next_activity = 'Release Credit Block' THEN next_ts END AS release_ts
  FROM (
    SELECT case_no, activity, ts,
           lead(activity) OVER (PARTITION BY case_no ORDER BY seq) AS next_activity,
           lead(ts) OVER (PARTITION BY case_no ORDER BY seq) AS next_ts
    FROM ev WHERE activity IN ('Set Credit Block', 'Release Credit Block')
  )
  WHERE activity = 'Set Credit Block'
),
held AS (
  SELECT case_no, sum(epoch(release_ts) - epoch(set_ts)) / 3600.0 AS credit_hold_hours,
         bool_or(release_ts IS NULL) AS credit_unreleased
  FROM blocks GROUP BY case_no
)
SELECT $log_id, c.case_no, c.created_ts, c.first_pgi_ts, c.cancelled_ts,
       coalesce(p.touched, false) AS touched, coalesce(p.reworked, false) AS reworked,
       coalesce(p.credit_blocks, 0) AS credit_blocks, coalesce(h.credit_hold_hours, 0) AS credit_hold_hours,
       coalesce(h.credit_unreleased, false) AS credit_unreleased,
       p.price_requested_ts, p.price_decided_ts,
       greatest(c.created_ts, p.last_release_ts) AS released_ts,
       p.first_deliver_ts, p.last_deliver_ts
FROM cases c
LEFT JOIN per p ON p.case_no = c.case_no
LEFT JOIN held h ON h.case_no = c.case_no
WHERE c.log_id = $log_id AND c.perspective = 'order'
