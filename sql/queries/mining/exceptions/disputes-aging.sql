-- Queue disputesAging: disputes whose latest Open Dispute has no Resolve Dispute after it. The
-- case is the order billed by the disputed invoice (invoice -disputed by-> dispute, invoice_facts).
-- Waiting since the dispute was first opened. Amount: the disputed amount (dispute attrs), else
-- the order's net value.
WITH d AS (
  SELECT eo.object_id AS dispute_id,
         min(e.ts) FILTER (WHERE e.activity = 'Open Dispute') AS opened_ts,
         max(e.seq) FILTER (WHERE e.activity = 'Open Dispute') AS open_seq,
         max(e.seq) FILTER (WHERE e.activity = 'Resolve Dispute') AS resolve_seq,
         max(e.ts) FILTER (WHERE e.activity = 'Open Dispute') AS last_open_ts,
         max(e.ts) FILTER (WHERE e.activity = 'Resolve Dispute') AS resolved_ts
  FROM events e
  JOIN event_object eo ON eo.log_id = e.log_id AND eo.event_id = e.event_id
  WHERE e.log_id = $log_id AND e.activity IN ('Open Dispute', 'Resolve Dispute') AND eo.object_id LIKE 'dispute:%'
  GROUP BY 1
),
open AS (
  SELECT * FROM d
  WHERE open_seq IS NOT NULL
    AND (resolved_ts IS NULL OR last_open_ts > resolved_ts OR (last_open_ts = resolved_ts AND open_seq > resolve_seq))
),
order_of AS (
  SELECT oo.target_id AS dispute_id, min(f.order_id) AS order_id
  FROM object_object oo
  JOIN open o ON o.dispute_id = oo.target_id
  JOIN invoice_facts f ON f.log_id = oo.log_id AND f.invoice_id = oo.source_id
  WHERE oo.log_id = $log_id AND oo.source_id LIKE 'invoice:%'
  GROUP BY 1
)
SELECT k.case_no, o.dispute_id AS object_id, o.opened_ts AS since_ts, NULL::TIMESTAMP AS due_ts,
       try_cast(x.attrs->>'amount' AS DOUBLE) AS amount, NULL::VARCHAR AS currency, 'Disputes' AS team,
       x.attrs->>'reason' AS detail, NULL::VARCHAR AS status, NULL::VARCHAR AS warehouse
FROM open o
JOIN order_of oo ON oo.dispute_id = o.dispute_id
JOIN cases k ON k.log_id = $log_id AND k.perspective = $perspective AND k.case_id = oo.order_id
LEFT JOIN objects x ON x.log_id = $log_id AND x.object_id = o.dispute_id
WHERE k.case_no IN __SELECTED_CASES__
