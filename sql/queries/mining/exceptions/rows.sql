-- The exception rows a reader sees: the log's rows (the source spliced in by
-- mining/exceptions/read.ts: exception_rows, or enriched.sql on a read-only store) of the selected
-- cases and of one queue ($queue, '' = all). page.sql and summary.sql apply the group filters.
SELECT * FROM (__SOURCE__) r
WHERE r.case_no IN __SELECTED_CASES__
  AND ($queue = '' OR r.queue = $queue)
