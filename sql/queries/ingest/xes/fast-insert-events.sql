-- XES fast path: new events (ids the log does not have). seq = the store's last seq + ord (the
-- event's position among the run's accepted events: file order; skipped events leave gaps).
INSERT INTO events (log_id, event_id, activity, ts, ts_precision, seq, user_id, user_type, amount,
                    currency, attrs, source_system, source_file, source_key, run_id)
SELECT run.log_id, e.event_id, e.activity, epoch_ms(e.ts_ms), 'second', b.base + e.ord,
       e.user_id, NULL, NULL, NULL, e.attrs::JSON, 'xes', e.file, e.source_key, run.run_id
FROM xes_ev e CROSS JOIN xes_run run CROSS JOIN xes_seq_base b
WHERE e.event_id NOT IN (SELECT event_id FROM xes_present)
