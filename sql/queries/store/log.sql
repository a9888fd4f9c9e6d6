-- One log's row, to check it exists before reading or exporting it.
SELECT log_id, name, kind FROM logs WHERE log_id = $id
