-- The new events of csv_ev. seq = the store's last seq + the file row, so file order breaks
-- timestamp ties (as the ingest pipeline numbers its records); ts is kept to the millisecond.
INSERT INTO events (log_id, event_id, activity, ts, ts_precision, seq, user_id, user_type, amount,
                    currency, attrs, source_system, source_file, source_key, run_id)
SELECT $log_id, event_id, activity, epoch_ms(epoch_ms(ts)), 'second', (SELECT coalesce(max(seq), 0) FROM events) + row_no,
       resource, NULL, NULL, NULL, attrs, 'csv', $file, $file || ':' || row_no, $run_id
FROM csv_ev WHERE event_id NOT IN (SELECT event_id FROM csv_present);
