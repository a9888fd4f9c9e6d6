-- Variants of the selected cases, most frequent first: cases and case durations (seconds).
SELECT c.variant_no, v.variant, v.n_events, count(*)::BIGINT AS cases,
       median(epoch(c.end_ts) - epoch(c.start_ts)) AS median_seconds,
       avg(epoch(c.end_ts) - epoch(c.start_ts)) AS mean_seconds,
       min(epoch(c.end_ts) - epoch(c.start_ts)) AS min_seconds,
       max(epoch(c.end_ts) - epoch(c.start_ts)) AS max_seconds
FROM cases c
JOIN case_variants v ON v.log_id = $log_id AND v.perspective = $perspective AND v.variant_no = c.variant_no
WHERE c.log_id = $log_id AND c.perspective = $perspective AND c.case_no IN __SELECTED_CASES__
GROUP BY c.variant_no, v.variant, v.n_events
ORDER BY cases DESC, c.variant_no
LIMIT $limit
