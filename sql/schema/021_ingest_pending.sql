-- Relations that name an object or event by an alias no run has defined yet (ingest/pipeline):
-- a warehouse pick loaded before the ERP's delivery items, a dispute that arrives before its
-- invoice's events. Aliases written `~~…` wait here; every later run of the log retries them, so
-- loading sources in any order (or day by day) ends in the same store as one full load.
CREATE TABLE pending_relations (
  log_id     VARCHAR NOT NULL,
  kind       VARCHAR NOT NULL,       -- event_object | object_object
  from_id    VARCHAR NOT NULL,       -- event_id / source_id, canonical or alias
  to_id      VARCHAR NOT NULL,       -- object_id / target_id, canonical or alias
  qualifier  VARCHAR NOT NULL,
  run_id     VARCHAR NOT NULL
);
