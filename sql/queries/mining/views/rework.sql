-- Rework per activity over the selected cases: cases that contain it, cases where it occurs more
-- than once, the extra occurrences (occurrences − cases), and direct self-loops (the activity
-- straight after itself).
WITH per AS (
  SELECT act, case_no, count(*) AS n, count(*) FILTER (WHERE prev_act = act) AS loops
  FROM case_trace
  WHERE log_id = $log_id AND perspective = $perspective AND case_no IN __SELECTED_CASES__
  GROUP BY act, case_no
)
SELECT a.activity, count(*)::BIGINT AS cases, count(*) FILTER (WHERE n > 1)::BIGINT AS cases_repeated,
       (sum(n) - count(*))::BIGINT AS extra_occurrences, sum(loops)::BIGINT AS self_loops
FROM per JOIN log_activities a ON a.log_id = $log_id AND a.act = per.act
GROUP BY a.activity
ORDER BY cases_repeated DESC, a.activity
