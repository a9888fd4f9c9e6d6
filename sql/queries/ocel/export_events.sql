-- A log's events for OCEL export, in load order.
SELECT event_id, activity, epoch_ms(ts) AS ts_ms, attrs::VARCHAR AS attrs, user_id, user_type, amount, currency
FROM events WHERE log_id = $log_id ORDER BY seq;
