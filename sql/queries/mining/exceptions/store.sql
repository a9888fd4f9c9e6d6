-- Replaces a log's exception rows (the rows of enriched.sql over every queue and case, spliced in
-- by mining/exceptions/store.ts); run after clear.sql in the same transaction.
INSERT INTO exception_rows (log_id, queue, case_no, case_id, object_id, since_ts, due_ts, detail, status, age_s, amount,
                            currency, warehouse, segment, order_type, channel, team)
SELECT $log_id, queue, case_no, case_id, object_id, since_ts, due_ts, detail, status, age_s, amount,
       currency, warehouse, segment, order_type, channel, team
FROM (__ROWS__)
