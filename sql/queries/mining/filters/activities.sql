-- The activities of a perspective's cases with how many cases contain each, most common first.
SELECT activity, count(DISTINCT case_no)::BIGINT AS cases
FROM case_trace
WHERE log_id = $log_id AND perspective = $perspective
GROUP BY activity
ORDER BY cases DESC, activity
