-- XES fast path, for a log without events before this run: nothing is a duplicate.
CREATE OR REPLACE TEMP TABLE xes_present (event_id VARCHAR);
