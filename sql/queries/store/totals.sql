-- Whole-store totals for `throughline stats`.
SELECT
  (SELECT count(*) FROM logs)::INTEGER           AS logs,
  (SELECT count(*) FROM events)::BIGINT          AS events,
  (SELECT count(*) FROM objects)::BIGINT         AS objects,
  (SELECT count(*) FROM event_object)::BIGINT    AS event_object,
  (SELECT count(*) FROM object_object)::BIGINT   AS object_object,
  (SELECT count(*) FROM ingest_runs)::INTEGER    AS runs,
  (SELECT count(*) FROM rejects)::BIGINT         AS rejects
