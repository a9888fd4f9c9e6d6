-- The canonical store: OCEL 2.0-shaped tables with lineage on every row (docs/model.md).
-- Timestamps are UTC TIMESTAMPs; the session time zone is pinned to UTC by sql/connection.ts.

CREATE TABLE logs (
  log_id      VARCHAR PRIMARY KEY,
  name        VARCHAR NOT NULL,
  kind        VARCHAR NOT NULL,          -- o2c | xes | ocel | csv
  created_at  TIMESTAMP NOT NULL DEFAULT current_timestamp::TIMESTAMP
);

CREATE TABLE meta (
  key   VARCHAR PRIMARY KEY,
  value VARCHAR
);

CREATE TABLE ingest_runs (
  run_id          VARCHAR PRIMARY KEY,
  log_id          VARCHAR NOT NULL,
  source_kind     VARCHAR NOT NULL,      -- sap | wms-legacy | wms-events | billing | …
  source_path     VARCHAR NOT NULL,
  started_at      TIMESTAMP NOT NULL,
  finished_at     TIMESTAMP,
  status          VARCHAR NOT NULL,      -- succeeded | failed
  rows_read       BIGINT NOT NULL DEFAULT 0,
  rows_loaded     BIGINT NOT NULL DEFAULT 0,
  rows_rejected   BIGINT NOT NULL DEFAULT 0,
  rows_duplicate  BIGINT NOT NULL DEFAULT 0,
  events_added    BIGINT NOT NULL DEFAULT 0,
  objects_added   BIGINT NOT NULL DEFAULT 0,
  error           VARCHAR
);

CREATE TABLE rejects (
  run_id        VARCHAR NOT NULL,
  log_id        VARCHAR NOT NULL,
  source_system VARCHAR NOT NULL,
  file          VARCHAR NOT NULL,
  row_no        BIGINT,                  -- CSV: header is row 1; NDJSON: line from 1
  record_key    VARCHAR,
  field         VARCHAR,
  reason        VARCHAR NOT NULL,
  raw           VARCHAR
);

CREATE SEQUENCE event_seq START 1;

CREATE TABLE events (
  log_id         VARCHAR NOT NULL,
  event_id       VARCHAR NOT NULL,
  activity       VARCHAR NOT NULL,
  ts             TIMESTAMP NOT NULL,
  ts_precision   VARCHAR NOT NULL DEFAULT 'second',  -- second | day
  seq            BIGINT NOT NULL,        -- load order; breaks timestamp ties
  user_id        VARCHAR,
  user_type      VARCHAR,                -- human | system
  amount         DOUBLE,
  currency       VARCHAR,
  attrs          JSON,
  source_system  VARCHAR NOT NULL,
  source_file    VARCHAR,
  source_key     VARCHAR NOT NULL,
  run_id         VARCHAR NOT NULL
);

CREATE TABLE objects (
  log_id         VARCHAR NOT NULL,
  object_id      VARCHAR NOT NULL,
  object_type    VARCHAR NOT NULL,
  attrs          JSON,                   -- current values
  source_system  VARCHAR,
  source_key     VARCHAR,
  run_id         VARCHAR NOT NULL
);

CREATE TABLE object_changes (
  log_id      VARCHAR NOT NULL,
  object_id   VARCHAR NOT NULL,
  ts          TIMESTAMP NOT NULL,
  field       VARCHAR NOT NULL,
  old_value   VARCHAR,
  new_value   VARCHAR,
  event_id    VARCHAR,
  run_id      VARCHAR NOT NULL
);

CREATE TABLE event_object (
  log_id     VARCHAR NOT NULL,
  event_id   VARCHAR NOT NULL,
  object_id  VARCHAR NOT NULL,
  qualifier  VARCHAR NOT NULL
);

CREATE TABLE object_object (
  log_id     VARCHAR NOT NULL,
  source_id  VARCHAR NOT NULL,
  target_id  VARCHAR NOT NULL,
  qualifier  VARCHAR NOT NULL,
  run_id     VARCHAR NOT NULL
);
