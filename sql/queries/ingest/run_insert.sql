INSERT INTO ingest_runs (run_id, log_id, source_kind, source_path, started_at, finished_at, status,
                         rows_read, rows_loaded, rows_rejected, rows_duplicate, events_added, objects_added, error)
VALUES ($run_id, $log_id, $source_kind, $source_path, $started_at::TIMESTAMP, $finished_at::TIMESTAMP, $status,
        $rows_read, $rows_loaded, $rows_rejected, $rows_duplicate, $events_added, $objects_added, $error);
