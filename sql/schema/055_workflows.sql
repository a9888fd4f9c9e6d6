-- Remediation workflows (issue 7, workflows/): one row per run of a playbook on one target, its
-- attempts against the source system, and the notification outbox. The state machine lives in
-- workflows/states.ts; every change goes through it. Never stores credentials: a response keeps
-- its status and a short excerpt of the body.
CREATE TABLE workflow_runs (
  id VARCHAR PRIMARY KEY,
  playbook_id VARCHAR NOT NULL,
  playbook_version VARCHAR NOT NULL,
  connector VARCHAR NOT NULL,
  operation VARCHAR NOT NULL,            -- e.g. 'POST /credit-holds/4711/release'
  payload VARCHAR NOT NULL,              -- the rendered JSON body sent to the connector
  log_id VARCHAR,
  case_id VARCHAR,
  object_id VARCHAR,
  queue VARCHAR,
  amount DOUBLE,
  currency VARCHAR,
  state VARCHAR NOT NULL,
  requested_by VARCHAR NOT NULL,
  requested_at TIMESTAMP NOT NULL,
  approval_required BOOLEAN NOT NULL,
  approval_reason VARCHAR,               -- why the rule asked for approval (or ran it at once)
  approval_roles VARCHAR,                -- comma-separated roles allowed to approve
  approval_expires_at TIMESTAMP,
  approved_by VARCHAR,
  approved_at TIMESTAMP,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  timeout_ms INTEGER NOT NULL,
  next_attempt_at TIMESTAMP,
  claimed_by VARCHAR,
  last_status INTEGER,
  last_body VARCHAR,
  last_error VARCHAR,
  override_by VARCHAR,
  override_reason VARCHAR,
  updated_at TIMESTAMP NOT NULL
);
CREATE INDEX workflow_runs_state ON workflow_runs (state);

-- One row per call (or interruption) of a run; state_after is what the run became.
CREATE TABLE workflow_attempts (
  run_id VARCHAR NOT NULL,
  attempt_no INTEGER NOT NULL,
  batch_id VARCHAR NOT NULL,
  worker_id VARCHAR NOT NULL,
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP NOT NULL,
  outcome VARCHAR NOT NULL,              -- ok | http_error | timeout | network_error | interrupted | refused
  http_status INTEGER,
  body_excerpt VARCHAR,
  error VARCHAR,
  duration_ms INTEGER NOT NULL,
  state_after VARCHAR NOT NULL,
  next_attempt_at TIMESTAMP
);

-- Notifications written by the 'notify' connector; one per run (the run id is the idempotency key).
CREATE TABLE workflow_outbox (
  run_id VARCHAR PRIMARY KEY,
  channel VARCHAR NOT NULL,
  team VARCHAR,
  subject VARCHAR NOT NULL,
  body VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  delivered_at TIMESTAMP
);
