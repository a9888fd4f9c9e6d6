-- XES fast path, for a log that had no events before this run (and one file): the activity
-- instances the scanner paired per trace (ingest/xes/tsv.ts, traceInstances: the same pairing,
-- numbering and waiting times as activity-instances.sql), from the instances TSV.
INSERT INTO activity_instances
SELECT run.log_id, 'case:' || c.case_key, xes_txt(i.activity), i.instance_no,
       b.base + i.start_ord, b.base + i.complete_ord, epoch_ms(i.start_ms), epoch_ms(i.complete_ms),
       CASE WHEN i.start_ms IS NOT NULL AND i.complete_ms IS NOT NULL THEN epoch(epoch_ms(i.complete_ms)) - epoch(epoch_ms(i.start_ms)) END,
       greatest(0, epoch(epoch_ms(coalesce(i.start_ms, i.complete_ms))) - epoch(epoch_ms(i.prev_last_ms)))
FROM read_csv($path, delim = '\t', quote = '', escape = '', header = false, auto_detect = false,
              nullstr = '\N', max_line_size = $max_line, null_padding = false,
              columns = {'file_no': 'INTEGER', 'trace_no': 'BIGINT', 'activity': 'VARCHAR', 'instance_no': 'INTEGER',
                         'start_ord': 'BIGINT', 'complete_ord': 'BIGINT', 'start_ms': 'BIGINT', 'complete_ms': 'BIGINT',
                         'prev_last_ms': 'BIGINT'}) i
JOIN xes_cases c USING (file_no, trace_no) CROSS JOIN xes_run run CROSS JOIN xes_seq_base b
