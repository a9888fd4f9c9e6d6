-- Activity frequencies over the cases that started in [$from, $to): events and distinct cases.
WITH sel AS (
  SELECT case_no FROM cases
  WHERE log_id = $log_id AND perspective = $perspective
    AND start_ts >= $from::TIMESTAMP AND start_ts < $to::TIMESTAMP
)
SELECT ce.activity, count(*)::BIGINT AS events, count(DISTINCT ce.case_no)::BIGINT AS cases
FROM case_trace ce SEMI JOIN sel ON sel.case_no = ce.case_no
WHERE ce.log_id = $log_id AND ce.perspective = $perspective
GROUP BY ce.activity
ORDER BY events DESC, ce.activity
