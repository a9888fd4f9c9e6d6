-- Prepared traces, continued (mining/README.md "Prepared traces"): whether an event is the first
-- of its activity, and the first of its (previous activity, activity) pair, in its case. Cases per
-- activity and per directly-follows edge are then sums, not count(DISTINCT case_no).
-- Case views are derived data: cleared here and rebuilt by the next refresh.
DELETE FROM case_trace;
DELETE FROM cases;
DELETE FROM case_variants;
DELETE FROM case_view_state;

ALTER TABLE case_trace ADD COLUMN first_act BOOLEAN;
ALTER TABLE case_trace ADD COLUMN first_edge BOOLEAN;
