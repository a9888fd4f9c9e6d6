-- XES fast path: new events (ids the log does not have), straight from the events TSV. seq = the
-- store's last seq + ord (the event's position among the run's accepted events: file order;
-- skipped events leave gaps).
INSERT INTO events (log_id, event_id, activity, ts, ts_precision, seq, user_id, user_type, amount,
                    currency, attrs, source_system, source_file, source_key, run_id)
SELECT run.log_id, e.event_id, xes_txt(e.activity), epoch_ms(e.ts_ms), 'second', b.base + e.ord,
       xes_txt(e.user_id), NULL, NULL, NULL, e.attrs::JSON, 'xes', e.file, e.file || ':' || e.line, run.run_id
FROM (SELECT r.*, 'xes:' || f.base || ':' || r.trace_no || ':' || r.event_no AS event_id, f.name AS file
      FROM xes_ev_raw r JOIN xes_files f USING (file_no)) e
CROSS JOIN xes_run run CROSS JOIN xes_seq_base b
WHERE e.event_id NOT IN (SELECT event_id FROM xes_present)
