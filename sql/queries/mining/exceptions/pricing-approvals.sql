-- Queue pricingApprovals: per order line (the object of the events; the order when an event names
-- no line), a Request Price Approval with no Approve or Reject Price Exception after it, on an
-- order that is not cancelled. Waiting since the first request after the last decision.
-- Amount: the line's net value (NULL for the order: its net value).
WITH ev AS (
  SELECT t.case_no, t.seq, t.ts, t.activity, eo.object_id
  FROM case_trace t
  JOIN events e ON e.log_id = t.log_id AND e.seq = t.event_seq
  LEFT JOIN event_object eo ON eo.log_id = e.log_id AND eo.event_id = e.event_id AND eo.object_id LIKE 'order_line:%'
  WHERE t.log_id = $log_id AND t.perspective = $perspective
    AND t.activity IN ('Request Price Approval', 'Approve Price Exception', 'Reject Price Exception')
    AND t.case_no IN __SELECTED_CASES__
),
per_line AS (
  SELECT case_no, object_id,
         max(seq) FILTER (WHERE activity <> 'Request Price Approval') AS decided_seq,
         max(seq) FILTER (WHERE activity = 'Request Price Approval') AS requested_seq,
         list({'seq': seq, 'ts': ts}) FILTER (WHERE activity = 'Request Price Approval') AS requests
  FROM ev GROUP BY case_no, object_id
),
waiting AS (
  SELECT p.* FROM per_line p
  JOIN cases k ON k.log_id = $log_id AND k.perspective = $perspective AND k.case_no = p.case_no
  WHERE p.requested_seq > coalesce(p.decided_seq, 0) AND k.cancelled_ts IS NULL
)
SELECT w.case_no, w.object_id,
       list_min(list_transform(list_filter(w.requests, s -> s.seq > coalesce(w.decided_seq, 0)), s -> s.ts)) AS since_ts,
       NULL::TIMESTAMP AS due_ts, try_cast(o.attrs->>'net_value' AS DOUBLE) AS amount, NULL::VARCHAR AS currency,
       'Pricing' AS team, NULL::VARCHAR AS detail, NULL::VARCHAR AS status, o.attrs->>'warehouse' AS warehouse
FROM waiting w
LEFT JOIN objects o ON o.log_id = $log_id AND o.object_id = w.object_id
