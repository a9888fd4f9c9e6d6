-- Cases of the selection with any repeated activity, and all selected cases.
WITH per AS (
  SELECT case_no, count(*) > count(DISTINCT act) AS repeated
  FROM case_trace
  WHERE log_id = $log_id AND perspective = $perspective AND case_no IN __SELECTED_CASES__
  GROUP BY case_no
)
SELECT count(*) FILTER (WHERE repeated)::BIGINT AS cases_with_rework, count(*)::BIGINT AS cases FROM per
