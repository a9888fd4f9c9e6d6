-- The exception rows a reader sees: the log's rows (the source spliced in by
-- mining/exceptions/read.ts: exception_rows, or enriched.sql on a read-only store) of the selected
-- cases, of one queue ($queue, '' = all) and passing the group filters ('' = any; $g_wh matches
-- each warehouse of a multi-warehouse row).
SELECT * FROM (__SOURCE__) r
WHERE r.case_no IN __SELECTED_CASES__
  AND ($queue = '' OR r.queue = $queue)
  AND ($g_wh = '' OR list_contains(string_split(coalesce(r.warehouse, ''), ','), $g_wh))
  AND ($g_seg = '' OR r.segment = $g_seg)
  AND ($g_type = '' OR r.order_type = $g_type)
  AND ($g_ch = '' OR r.channel = $g_ch)
  AND ($g_team = '' OR r.team = $g_team)
