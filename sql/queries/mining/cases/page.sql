-- One page of the selected cases with the chosen columns (mining/cases/columns.ts puts the
-- whitelisted expressions in place of the column, join and order tokens; attribute paths are
-- bound as $attr_N). Order: the chosen column, NULLs last, then case_no, so pages are stable.
SELECT c.case_no, __COLUMNS__
FROM cases c
__OBJECT_JOIN__
WHERE c.log_id = $log_id AND c.perspective = $perspective AND c.case_no IN __SELECTED_CASES__
ORDER BY __ORDER__
LIMIT $limit OFFSET $offset
