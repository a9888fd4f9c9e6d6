SELECT count(*)::BIGINT AS n FROM events WHERE log_id = $log_id;
