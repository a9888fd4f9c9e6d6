-- Pairs lifecycle start/complete events per (case, activity) first-in-first-out into activity
-- instances (sql/schema/034_xes.sql). Order within a case: (ts, seq), i.e. file order on ties.
-- The k-th complete finds no open start iff the running maximum of (completes − starts) rises at
-- it; otherwise it is the m-th matched complete (m = k − unmatched so far) and, FIFO, closes the
-- m-th start. pk (a hash of case and activity) leads the partition keys only to make the sorts cheaper.
-- Reads xes_ai_ev (activity-instances-events.sql, or fast-activity-instances-events.sql for a log
-- whose events all come from the current fast-path run).
INSERT INTO activity_instances
WITH ev AS (SELECT * FROM xes_ai_ev), x AS MATERIALIZED (
  SELECT *,
         sum(CASE WHEN lc = 's' THEN 1 ELSE 0 END) OVER w AS starts_upto,
         sum(CASE WHEN lc = 'c' THEN 1 ELSE 0 END) OVER w AS completes_upto
  FROM ev WHERE lc IS NOT NULL
  WINDOW w AS (PARTITION BY pk, case_id, activity ORDER BY ts, seq ROWS UNBOUNDED PRECEDING)
), c2 AS MATERIALIZED (
  SELECT *, unmatched > unmatched_before AS alone
  FROM (
    SELECT *,
           greatest(0, max(completes_upto - starts_upto) OVER (PARTITION BY pk, case_id, activity ORDER BY ts, seq
                                                             ROWS UNBOUNDED PRECEDING)) AS unmatched,
           greatest(0, coalesce(max(completes_upto - starts_upto) OVER (PARTITION BY pk, case_id, activity ORDER BY ts, seq
                                                             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)) AS unmatched_before
    FROM x WHERE lc = 'c'
  )
), starts AS (
  SELECT case_id, activity, starts_upto AS n, seq, ts FROM x WHERE lc = 's'
), matched AS (
  SELECT case_id, activity, completes_upto - unmatched AS n, seq, ts FROM c2 WHERE NOT alone
), inst AS (
  SELECT coalesce(s.case_id, m.case_id) AS case_id, coalesce(s.activity, m.activity) AS activity,
         s.seq AS start_seq, m.seq AS complete_seq, s.ts AS start_ts, m.ts AS complete_ts
  FROM starts s FULL OUTER JOIN matched m ON s.case_id = m.case_id AND s.activity = m.activity AND s.n = m.n
  UNION ALL
  SELECT case_id, activity, NULL, seq, NULL, ts FROM c2 WHERE alone
), ordered AS (
  SELECT *, coalesce(start_ts, complete_ts) AS first_ts, coalesce(start_seq, complete_seq) AS first_seq,
         coalesce(complete_ts, start_ts) AS last_ts
  FROM inst
)
SELECT $log_id, case_id, activity,
       row_number() OVER (PARTITION BY case_id ORDER BY first_ts, first_seq)::INTEGER,
       start_seq, complete_seq, start_ts, complete_ts,
       CASE WHEN start_ts IS NOT NULL AND complete_ts IS NOT NULL THEN epoch(complete_ts) - epoch(start_ts) END,
       greatest(0, epoch(first_ts) - epoch(max(last_ts) OVER (PARTITION BY case_id ORDER BY first_ts, first_seq
                                                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)))
FROM ordered
