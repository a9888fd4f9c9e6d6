DELETE FROM order_facts WHERE log_id = $log_id
