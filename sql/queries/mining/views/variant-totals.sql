-- How many variants and cases the selection holds.
SELECT count(DISTINCT variant_no)::BIGINT AS variants, count(*)::BIGINT AS cases
FROM cases
WHERE log_id = $log_id AND perspective = $perspective AND case_no IN __SELECTED_CASES__
