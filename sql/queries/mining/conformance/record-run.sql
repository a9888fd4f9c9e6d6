INSERT OR REPLACE INTO conformance_runs
VALUES ($log_id, $perspective, $model_id, $model_version, $model::JSON, now()::TIMESTAMP,
        to_timestamp($log_end::DOUBLE)::TIMESTAMP, $cases, $seconds::DOUBLE)
