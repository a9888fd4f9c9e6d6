DELETE FROM dispute_facts WHERE log_id = $log_id
