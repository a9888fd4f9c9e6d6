-- The model behind a log's conformance results and when they were computed.
SELECT model_id, model_version, model::VARCHAR AS model,
       strftime(computed_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS computed_at,
       strftime(log_end, '%Y-%m-%dT%H:%M:%SZ') AS log_end, cases::INTEGER AS cases,
       (SELECT computed_at >= refreshed_at FROM case_view_state s
        WHERE s.log_id = $log_id AND s.perspective = $perspective) AS current
FROM conformance_runs WHERE log_id = $log_id AND perspective = $perspective
