-- Incremental Odoo ingest (ingest/odoo): per log, per Odoo database (host:port/dbname, never the
-- credentials) and per table, the (write_date, id) of the last row read. Written in the same
-- transaction as the run's data, so a failed run leaves it where it was. write_date is kept as
-- PostgreSQL text with microseconds ('2025-03-04 17:02:11.123456'), compared in PostgreSQL.
CREATE TABLE odoo_watermarks (
  log_id      VARCHAR NOT NULL,
  source      VARCHAR NOT NULL,
  table_name  VARCHAR NOT NULL,
  write_date  VARCHAR NOT NULL,
  last_id     BIGINT NOT NULL,
  run_id      VARCHAR NOT NULL,
  updated_at  TIMESTAMP NOT NULL
);
