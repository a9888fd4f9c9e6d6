SELECT c.case_no, c.case_id, f.fitness, f.n_deviations, f.expected_steps, f.n_events, f.n_violations, f.is_open, f.model_version
FROM cases c
LEFT JOIN case_fitness f ON f.log_id = c.log_id AND f.perspective = c.perspective AND f.case_no = c.case_no
WHERE c.log_id = $log_id AND c.perspective = $perspective AND c.case_id = $case_id
