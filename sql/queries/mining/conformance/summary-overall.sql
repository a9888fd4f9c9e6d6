-- Fitness over the selected cases: mean, share of perfectly fitting cases (no deviation), open cases.
SELECT count(*)::INTEGER AS cases,
       avg(fitness)::DOUBLE AS mean_fitness,
       avg((n_deviations = 0)::INTEGER)::DOUBLE AS share_fitting,
       (count(*) FILTER (WHERE is_open))::INTEGER AS open_cases,
       (count(*) FILTER (WHERE n_violations > 0))::INTEGER AS cases_with_violations
FROM case_fitness
WHERE log_id = $log_id AND perspective = $perspective AND case_no IN __SELECTED_CASES__
