-- What a log's exception rows were computed from, and the fingerprint of its order case view now.
SELECT (SELECT key FROM exception_state WHERE log_id = $log_id) AS key,
       (SELECT as_of FROM exception_state WHERE log_id = $log_id) AS as_of,
       (SELECT fingerprint FROM case_view_state WHERE log_id = $log_id AND perspective = 'order') AS fingerprint
