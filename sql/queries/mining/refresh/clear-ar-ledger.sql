DELETE FROM ar_ledger WHERE log_id = $log_id
