-- The first $limit rows as mapped (timestamps as ISO UTC text).
SELECT k, row_no, case_id, activity, strftime(ts, '%Y-%m-%dT%H:%M:%SZ') AS ts,
       strftime(start_ts, '%Y-%m-%dT%H:%M:%SZ') AS start_ts, resource
FROM csv_rows WHERE k < $limit ORDER BY k;
