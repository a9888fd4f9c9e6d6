-- One case by its id with the chosen columns (same column expressions as page.sql).
SELECT c.case_no, __COLUMNS__
FROM cases c
__OBJECT_JOIN__
WHERE c.log_id = $log_id AND c.perspective = $perspective AND c.case_id = $case_id
