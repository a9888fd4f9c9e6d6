-- Variants of a (log, perspective) numbered by frequency, and each case's variant number.
INSERT INTO case_variants (log_id, perspective, variant_no, variant, n_events, cases)
SELECT $log_id, $perspective,
       row_number() OVER (ORDER BY count(*) DESC, variant)::INTEGER,
       variant, any_value(n_events), count(*)
FROM cases WHERE log_id = $log_id AND perspective = $perspective
GROUP BY variant
