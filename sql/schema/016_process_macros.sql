-- Process operators as DuckDB table macros over the case view, so analysts' notebooks and the
-- dashboard share one semantics (mining/README.md "Process operators in SQL"). Each takes a log id
-- and a perspective ('order', 'case', an object type); the views must be current (the server
-- refreshes them after every ingest). Example:
--   SELECT * FROM tl_dfg('o2c', 'order') ORDER BY pairs DESC LIMIT 10;

-- Every event of every case, in trace order.
CREATE OR REPLACE MACRO tl_trace(log, persp) AS TABLE
  SELECT case_id, seq, activity, ts, event_seq
  FROM case_trace WHERE log_id = log AND perspective = persp;

-- Directly-follows pairs: how often, in how many cases, and the gap in seconds. '__start__' and
-- '__end__' mark the first and last event of a case.
CREATE OR REPLACE MACRO tl_dfg(log, persp) AS TABLE
  WITH pairs AS (
    SELECT t.case_no, coalesce(s.activity, '__start__') AS source, t.activity AS target, t.prev_dt AS secs
    FROM case_trace t
    LEFT JOIN log_activities s ON s.log_id = t.log_id AND s.act = t.prev_act
    WHERE t.log_id = log AND t.perspective = persp
    UNION ALL
    SELECT c.case_no, t.activity, '__end__', NULL
    FROM case_trace t JOIN cases c ON c.log_id = t.log_id AND c.perspective = t.perspective AND c.case_no = t.case_no
    WHERE t.log_id = log AND t.perspective = persp AND t.seq = c.n_events
  )
  SELECT source, target, count(*) AS pairs, count(DISTINCT case_no) AS cases,
         median(secs) AS median_seconds, avg(secs) AS mean_seconds, quantile_cont(secs, 0.9) AS p90_seconds
  FROM pairs GROUP BY source, target;

-- Variants: the activity sequence, its number (1 = most frequent), cases and share.
CREATE OR REPLACE MACRO tl_variants(log, persp) AS TABLE
  SELECT variant_no, string_split(variant, ' → ') AS activities, n_events, cases,
         cases / sum(cases) OVER () AS share
  FROM case_variants WHERE log_id = log AND perspective = persp;

-- One row per case: span, duration in seconds, events, variant number and the O2C attributes.
CREATE OR REPLACE MACRO tl_cases(log, persp) AS TABLE
  SELECT case_id, start_ts, end_ts, epoch(end_ts) - epoch(start_ts) AS duration_seconds, n_events,
         variant_no, variant, segment, channel, order_type, warehouse, customer_id, customer_name, net_value, currency
  FROM cases WHERE log_id = log AND perspective = persp;

-- Case durations in seconds (a shorthand of tl_cases for the common question).
CREATE OR REPLACE MACRO tl_case_durations(log, persp) AS TABLE
  SELECT case_id, epoch(end_ts) - epoch(start_ts) AS duration_seconds
  FROM cases WHERE log_id = log AND perspective = persp;
