-- Every trace of a log in case order, as integers and epoch seconds, for the streaming checker
-- (mining/conformance/refresh.ts). Codes as in vocabulary.sql.
SELECT t.case_no, v.code, epoch(t.ts)::DOUBLE AS ts
FROM case_trace t
JOIN (
  SELECT activity, (row_number() OVER (ORDER BY activity) - 1)::INTEGER AS code
  FROM (SELECT DISTINCT activity FROM case_trace WHERE log_id = $log_id AND perspective = $perspective)
) v ON v.activity = t.activity
WHERE t.log_id = $log_id AND t.perspective = $perspective
ORDER BY t.case_no, t.seq
