DELETE FROM cases WHERE log_id = $log_id AND perspective = $perspective
