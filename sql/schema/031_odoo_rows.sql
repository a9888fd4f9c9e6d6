-- Hard-delete detection for the Odoo ingest (ingest/odoo/deletions.ts): per log, Odoo database
-- (host:port/dbname) and table, the id of every row a run has read. A row that Odoo no longer has
-- is marked here (deleted_run_id, deleted_at) when a later run notices, and gets an event
-- `odoo:<table>:<id>:deleted` (docs/model.md, "Odoo"). Written in the run's transaction, like the
-- watermarks.
CREATE TABLE odoo_rows (
  log_id          VARCHAR NOT NULL,
  source          VARCHAR NOT NULL,
  table_name      VARCHAR NOT NULL,
  id              BIGINT NOT NULL,
  run_id          VARCHAR NOT NULL,      -- the run that first read it
  deleted_run_id  VARCHAR,               -- the run that found it gone from Odoo
  deleted_at      TIMESTAMP              -- that run's snapshot time (UTC): deleted at or before
);
