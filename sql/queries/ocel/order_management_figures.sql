-- OCPQ's query figures for the order-management log: orders, orders with price >= 1000 (current
-- value), orders with at least one payment reminder and the reminder events, order–item pairs
-- through the O2O qualifier "comprises".
SELECT
  (SELECT count(*) FROM objects WHERE log_id = $log_id AND object_type = 'orders')::INTEGER AS orders,
  (SELECT count(*) FROM objects WHERE log_id = $log_id AND object_type = 'orders'
     AND (attrs->>'price')::DOUBLE >= 1000)::INTEGER AS orders_price_ge_1000,
  (SELECT count(DISTINCT eo.object_id) FROM events e
     JOIN event_object eo ON eo.log_id = e.log_id AND eo.event_id = e.event_id
     JOIN objects o ON o.log_id = eo.log_id AND o.object_id = eo.object_id AND o.object_type = 'orders'
   WHERE e.log_id = $log_id AND e.activity = 'payment reminder')::INTEGER AS orders_with_reminder,
  (SELECT count(*) FROM events WHERE log_id = $log_id AND activity = 'payment reminder')::INTEGER AS reminder_events,
  (SELECT count(*) FROM object_object oo
     JOIN objects s ON s.log_id = oo.log_id AND s.object_id = oo.source_id AND s.object_type = 'orders'
     JOIN objects t ON t.log_id = oo.log_id AND t.object_id = oo.target_id AND t.object_type = 'items'
   WHERE oo.log_id = $log_id AND oo.qualifier = 'comprises')::INTEGER AS order_item_pairs;
