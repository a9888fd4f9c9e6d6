-- Throughput time from $from_activity to $to_activity per case: from the case's first
-- $from_activity to the first $to_activity after it (later in the trace); cases without such a
-- pair are not counted. Summary in seconds.
WITH t AS (
  SELECT case_no, seq, ts, activity
  FROM case_trace
  WHERE log_id = $log_id AND perspective = $perspective AND case_no IN __SELECTED_CASES__
    AND activity IN ($from_activity, $to_activity)
),
a AS (SELECT case_no, min(seq) AS seq_a, arg_min(ts, seq) AS ts_a FROM t WHERE activity = $from_activity GROUP BY case_no),
b AS (
  SELECT t.case_no, epoch(arg_min(t.ts, t.seq)) - epoch(any_value(a.ts_a)) AS secs
  FROM t JOIN a ON a.case_no = t.case_no
  WHERE t.activity = $to_activity AND t.seq > a.seq_a
  GROUP BY t.case_no
)
SELECT count(*)::BIGINT AS cases, avg(secs) AS mean_seconds, median(secs) AS median_seconds,
       quantile_cont(secs, 0.9) AS p90_seconds, min(secs) AS min_seconds, max(secs) AS max_seconds,
       (SELECT count(*) FROM a)::BIGINT AS cases_with_from
FROM b
