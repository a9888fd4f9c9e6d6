-- Per order (order perspective), the facts the KPI library, the DSO impact and the root cause read:
-- table order_facts, built by each refresh (column meanings: refresh/order-facts.sql). A
-- parenthesised subquery put in place of __ORDER_FACTS__ by mining/kpi-library/compose.ts (never
-- run on its own). Parameters: $log_id.
(SELECT * EXCLUDE (log_id) FROM order_facts WHERE log_id = $log_id)
