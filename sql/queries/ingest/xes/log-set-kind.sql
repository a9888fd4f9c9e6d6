UPDATE logs SET kind = $kind WHERE log_id = $log_id
