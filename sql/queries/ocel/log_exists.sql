SELECT log_id, name, kind FROM logs WHERE log_id = $log_id;
