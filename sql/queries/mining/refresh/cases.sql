-- One row per case of a case-centric log (XES, CSV) from its trace: span, event count, variant.
-- (O2C orders: cases-o2c.sql.) The variant sorts a list of (seq, activity) structs: much cheaper
-- than an ordered string_agg.
INSERT INTO cases (log_id, perspective, case_id, case_no, start_ts, end_ts, n_events, variant)
SELECT log_id, perspective, case_id, any_value(case_no), min(ts), max(ts), count(*)::INTEGER,
       array_to_string(list_transform(list_sort(list({'seq': seq, 'activity': activity})), x -> x.activity), ' → ')
FROM case_trace
WHERE log_id = $log_id AND perspective = $perspective
GROUP BY log_id, perspective, case_id
