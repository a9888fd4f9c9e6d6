-- How many cases of a (log, perspective) the selection holds (the cases table's total).
SELECT count(*)::INTEGER AS total
FROM cases c
WHERE c.log_id = $log_id AND c.perspective = $perspective AND c.case_no IN __SELECTED_CASES__
