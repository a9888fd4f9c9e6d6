SELECT kind FROM logs WHERE log_id = $log_id;
