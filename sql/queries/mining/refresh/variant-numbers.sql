-- Each case's variant number (variants.sql numbered them).
UPDATE cases SET variant_no = v.variant_no
FROM case_variants v
WHERE cases.log_id = $log_id AND cases.perspective = $perspective
  AND v.log_id = $log_id AND v.perspective = $perspective AND v.variant = cases.variant
