-- Ingest runs as the Ingest page reads them (one column list for the runs table and a run's header).
CREATE VIEW ingest_run_rows AS
SELECT run_id, log_id, source_kind,
       CASE WHEN source_kind IN ('xes', 'ocel', 'csv', 'parquet') THEN 'imports' ELSE source_kind END AS source,
       source_path, status,
       started_at AS started_ts,
       strftime(started_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS started_at,
       strftime(finished_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS finished_at,
       (epoch_ms(finished_at) - epoch_ms(started_at))::DOUBLE AS duration_ms,
       rows_read::DOUBLE AS rows_read, rows_loaded::DOUBLE AS rows_loaded,
       rows_rejected::DOUBLE AS rows_rejected, rows_duplicate::DOUBLE AS rows_duplicate,
       events_added::DOUBLE AS events_added, objects_added::DOUBLE AS objects_added,
       error
FROM ingest_runs;
