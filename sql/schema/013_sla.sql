-- SLA evaluation (mining/sla, policies/sla.json). Derived data, rebuilt per (log, perspective) by
-- refreshSla inside the case-view refresh; mining/README.md "SLA" explains every column.

-- Working windows of each calendar over a log's date range, with the business seconds before each
-- window, so a business duration is a look-up (ASOF join on open_utc) and two clips:
--   B(t) = cum_before + clip(t − open_utc, 0, close_utc − open_utc) of the last window opening ≤ t.
-- Generated from the TypeScript calendars (mining/calendar) per log, over the log's date range.
CREATE TABLE sla_calendar_windows (
  log_id       VARCHAR NOT NULL,
  calendar_id  VARCHAR NOT NULL,
  day          DATE NOT NULL,          -- local date of the window
  open_utc     TIMESTAMP NOT NULL,
  close_utc    TIMESTAMP NOT NULL,
  cum_before   DOUBLE NOT NULL         -- business seconds in the earlier windows of the range
);

-- One row per clock instance: (log, perspective, case, rule, entity, start event, instance).
CREATE TABLE sla_clocks (
  log_id             VARCHAR NOT NULL,
  perspective        VARCHAR NOT NULL,
  case_no            INTEGER NOT NULL,     -- the case holding the start event
  case_id            VARCHAR NOT NULL,
  rule_id            VARCHAR NOT NULL,
  entity_id          VARCHAR NOT NULL,     -- what start and end pair on: the case, or the object (delivery:…, dispute:…)
  start_event_seq    BIGINT NOT NULL,      -- events.seq of the start event
  clock_no           INTEGER NOT NULL,     -- 0 from the start event; n from the n-th restart
  calendar_id        VARCHAR NOT NULL,
  start_ts           TIMESTAMP NOT NULL,   -- start event, or the restart
  due_ts             TIMESTAMP NOT NULL,   -- start + allowance in business time (earliest such instant)
  risk_ts            TIMESTAMP NOT NULL,   -- start + at-risk share of the allowance
  stop_ts            TIMESTAMP,            -- the end event or the next restart; NULL while open
  end_ts             TIMESTAMP,            -- the end event (NULL while open or when restarted)
  as_of              TIMESTAMP NOT NULL,   -- newest event of the log: what open clocks are measured to
  used_seconds       DOUBLE NOT NULL,      -- business seconds from start_ts to stop_ts (open: to as_of)
  allowance_seconds  DOUBLE NOT NULL,
  status             VARCHAR NOT NULL,     -- met | breached | open | at_risk | open_breached | exempt | restarted
  severity           VARCHAR,              -- minor | major | critical (breached, open_breached)
  exempt_periods     STRUCT(from_ts TIMESTAMP, to_ts TIMESTAMP)[],  -- (from, to] spans the case's exempting blocks were open
  policy_version     VARCHAR NOT NULL
);

-- What each SLA evaluation saw: the policy and the case view it was made from.
CREATE TABLE sla_state (
  log_id          VARCHAR NOT NULL,
  perspective     VARCHAR NOT NULL,
  policy_version  VARCHAR NOT NULL,
  policy_hash     VARCHAR NOT NULL,
  fingerprint     VARCHAR,                -- case_view_state.fingerprint at the evaluation
  as_of           TIMESTAMP,
  clocks          BIGINT NOT NULL,
  refreshed_at    TIMESTAMP NOT NULL,
  seconds         DOUBLE NOT NULL,
  PRIMARY KEY (log_id, perspective)
);
