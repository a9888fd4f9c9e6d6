-- XES (ingest/xes): what a log file says about itself, and activity instances.

-- Log-level content of an imported event-log file, one row per item in file order:
-- scope 'xes' (attributes of <log>: xes.version, xes.features), 'extension' (key = prefix,
-- value = {"name","uri"}), 'global:trace' / 'global:event' (key = attribute key, value = typed
-- tree {"t","v","c"}), 'classifier' (key = name, value = {"keys","scope"}), 'log' (a log
-- attribute, value = typed tree). Replaced by each successful import into the log.
CREATE TABLE log_attributes (
  log_id  VARCHAR NOT NULL,
  scope   VARCHAR NOT NULL,
  ord     INTEGER NOT NULL,
  key     VARCHAR NOT NULL,
  value   JSON
);

-- Activity instances of a case-centric log: lifecycle start/complete events of the same activity
-- in the same case paired first-in-first-out (the n-th complete that finds an open start closes
-- the oldest one). A complete without an open start is an instance of its own (start NULL); a
-- start never completed has complete NULL. Events without lifecycle:transition count as complete;
-- other transitions (schedule, suspend, …) are not instances. processing = complete − start;
-- waiting = this instance's first event − the previous instance's last event in the case.
CREATE TABLE activity_instances (
  log_id              VARCHAR NOT NULL,
  case_id             VARCHAR NOT NULL,
  activity            VARCHAR NOT NULL,
  instance_no         INTEGER NOT NULL,      -- 1..n within the case, by first event
  start_seq           BIGINT,                -- events.seq of the start event
  complete_seq        BIGINT,                -- events.seq of the complete event
  start_ts            TIMESTAMP,
  complete_ts         TIMESTAMP,
  processing_seconds  DOUBLE,
  waiting_seconds     DOUBLE
);
