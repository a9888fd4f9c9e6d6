-- Conformance results per (log, perspective), rebuilt by mining/conformance/refresh.ts
-- (refreshConformance) from case_trace against a reference model (policies/reference-model.json
-- for the order perspective). Definitions of kinds, cost and fitness: mining/README.md, Conformance.
-- Derived data: a refresh deletes and rewrites a log's rows in the caller's transaction.

-- One row per case.
CREATE TABLE case_fitness (
  log_id          VARCHAR NOT NULL,
  perspective     VARCHAR NOT NULL,
  case_no         INTEGER NOT NULL,
  fitness         DOUBLE NOT NULL,       -- 1 − n_deviations / (expected_steps + n_events), ≥ 0
  n_deviations    INTEGER NOT NULL,      -- deviation units (sum of case_deviations.count)
  expected_steps  INTEGER NOT NULL,      -- mandatory steps the case is expected to contain
  n_events        INTEGER NOT NULL,
  n_violations    INTEGER NOT NULL,      -- rows in case_rule_violations
  is_open         BOOLEAN NOT NULL,      -- last event younger than the model's openCaseDays before the log's end
  model_version   INTEGER NOT NULL
);

-- One row per (case, deviation): skipped | repeated | out-of-order | unexpected.
CREATE TABLE case_deviations (
  log_id            VARCHAR NOT NULL,
  perspective       VARCHAR NOT NULL,
  case_no           INTEGER NOT NULL,
  kind              VARCHAR NOT NULL,
  step_no           INTEGER,             -- the step's index in the model; NULL for unexpected
  activity          VARCHAR NOT NULL,    -- the step, or the unexpected activity
  related_activity  VARCHAR,             -- out-of-order: the step bounding it
  position          VARCHAR,             -- out-of-order: early (before `after`) | late (after `before`)
  count             INTEGER NOT NULL,    -- deviation units
  cost_seconds      DOUBLE,              -- NULL for skipped
  seq               INTEGER,             -- case_trace.seq of the event concerned; NULL for skipped
  model_version     INTEGER NOT NULL
);

-- One row per rule violation, with the events involved (case_trace.seq).
CREATE TABLE case_rule_violations (
  log_id            VARCHAR NOT NULL,
  perspective       VARCHAR NOT NULL,
  case_no           INTEGER NOT NULL,
  rule_id           VARCHAR NOT NULL,
  rule_kind         VARCHAR NOT NULL,    -- precedence | released-before | not-while | response
  seq               INTEGER NOT NULL,    -- the offending event
  activity          VARCHAR NOT NULL,
  related_seq       INTEGER,             -- the event that makes it a violation (the block set, …)
  related_activity  VARCHAR,
  cost_seconds      DOUBLE,
  model_version     INTEGER NOT NULL
);

-- Which model produced a log's results: the model as it was (JSON), so a result can always be
-- read against the version that made it even after the file was edited.
CREATE TABLE conformance_runs (
  log_id         VARCHAR NOT NULL,
  perspective    VARCHAR NOT NULL,
  model_id       VARCHAR NOT NULL,
  model_version  INTEGER NOT NULL,
  model          JSON NOT NULL,
  computed_at    TIMESTAMP NOT NULL,
  log_end        TIMESTAMP,              -- the log's last event (what open cases are measured from)
  cases          BIGINT NOT NULL,
  seconds        DOUBLE NOT NULL,
  PRIMARY KEY (log_id, perspective)
);
