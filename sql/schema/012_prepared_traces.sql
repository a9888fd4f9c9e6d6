-- The prepared log (mining/README.md "Prepared traces"): what the refresh adds so that maps,
-- variants and durations are integer aggregations instead of string windows.
--   log_activities: one integer code per activity name of a log, stable across refreshes.
--   case_trace.act / prev_act / prev_dt: the event's activity code, the code of the event before it
--     in the case (NULL for the first) and the seconds since that event: a directly-follows graph is
--     then a GROUP BY (prev_act, act).
--   cases.variant_no / case_variants: variants numbered by frequency (1 = most frequent).
-- Case views are derived data: dropped here and rebuilt by the next refresh.
DELETE FROM case_trace;
DELETE FROM cases;
DELETE FROM case_view_state;

ALTER TABLE case_trace ADD COLUMN act INTEGER;
ALTER TABLE case_trace ADD COLUMN prev_act INTEGER;
ALTER TABLE case_trace ADD COLUMN prev_dt DOUBLE;
ALTER TABLE cases ADD COLUMN variant_no INTEGER;

CREATE TABLE log_activities (
  log_id    VARCHAR NOT NULL,
  act       INTEGER NOT NULL,
  activity  VARCHAR NOT NULL,
  PRIMARY KEY (log_id, act)
);

CREATE TABLE case_variants (
  log_id       VARCHAR NOT NULL,
  perspective  VARCHAR NOT NULL,
  variant_no   INTEGER NOT NULL,        -- 1 = most frequent; ties by the variant text
  variant      VARCHAR NOT NULL,        -- activities joined by ' → '
  n_events     INTEGER NOT NULL,        -- length of the variant
  cases        BIGINT NOT NULL,
  PRIMARY KEY (log_id, perspective, variant_no)
);
