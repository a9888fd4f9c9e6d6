-- Mining: the exception queues' rows of a log (mining/exceptions), computed from the order case
-- view on first read after it changes and kept until it changes again, so the tiles, filters and
-- pages read a small table instead of walking events each time. `key` names what they were
-- computed from (case-view fingerprint, SLA policy hash, local time zone).
CREATE TABLE exception_rows (
  log_id      VARCHAR NOT NULL,
  queue       VARCHAR NOT NULL,
  case_no     INTEGER NOT NULL,
  case_id     VARCHAR NOT NULL,
  object_id   VARCHAR,
  since_ts    TIMESTAMP,
  due_ts      TIMESTAMP,
  detail      VARCHAR,
  status      VARCHAR,
  age_s       DOUBLE,
  amount      DOUBLE,
  currency    VARCHAR,
  warehouse   VARCHAR,
  segment     VARCHAR,
  order_type  VARCHAR,
  channel     VARCHAR,
  team        VARCHAR
);

CREATE TABLE exception_state (
  log_id       VARCHAR NOT NULL PRIMARY KEY,
  key          VARCHAR NOT NULL,
  as_of        VARCHAR NOT NULL,
  rows         BIGINT NOT NULL,
  computed_at  TIMESTAMP NOT NULL,
  seconds      DOUBLE NOT NULL
);
