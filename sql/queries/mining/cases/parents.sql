-- Objects that point at a case object (object_object into it): for an order, its customer.
SELECT DISTINCT source_id AS object_id
FROM object_object
WHERE log_id = $log_id AND target_id = $case_id
ORDER BY 1
LIMIT 20
