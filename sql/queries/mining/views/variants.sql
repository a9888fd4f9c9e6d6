-- Variants of the selected cases, most frequent first: cases and case durations (seconds). The
-- cases are grouped by their integer variant number; only the $limit kept variants are joined to
-- their text.
WITH v AS (
  SELECT variant_no, count(*)::BIGINT AS cases,
         median(epoch(end_ts) - epoch(start_ts)) AS median_seconds,
         avg(epoch(end_ts) - epoch(start_ts)) AS mean_seconds,
         min(epoch(end_ts) - epoch(start_ts)) AS min_seconds,
         max(epoch(end_ts) - epoch(start_ts)) AS max_seconds
  FROM cases
  WHERE log_id = $log_id AND perspective = $perspective AND case_no IN __SELECTED_CASES__
  GROUP BY variant_no
  ORDER BY cases DESC, variant_no
  LIMIT $limit
)
SELECT v.variant_no, cv.variant, cv.n_events, v.cases, v.median_seconds, v.mean_seconds, v.min_seconds, v.max_seconds
FROM v
JOIN case_variants cv ON cv.log_id = $log_id AND cv.perspective = $perspective AND cv.variant_no = v.variant_no
ORDER BY v.cases DESC, v.variant_no
