-- Activity frequencies over the selected cases: events and cases (first occurrences) (integer codes first,
-- names joined on the few result rows).
SELECT a.activity, x.events, x.cases
FROM (
  SELECT act, count(*)::BIGINT AS events, count_if(first_act)::BIGINT AS cases
  FROM case_trace
  WHERE log_id = $log_id AND perspective = $perspective AND case_no IN __SELECTED_CASES__
  GROUP BY act
) x
JOIN log_activities a ON a.log_id = $log_id AND a.act = x.act
ORDER BY x.events DESC, a.activity
