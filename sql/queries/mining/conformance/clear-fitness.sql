DELETE FROM case_fitness WHERE log_id = $log_id AND perspective = $perspective
