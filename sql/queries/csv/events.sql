-- The good rows as events: csv_ev(k, row_no, case_id, event_id, activity, ts, resource, attrs).
-- Event id `csv:<case>:<activity>:<ts as YYYY-MM-DD HH:MM:SS[.ffffff]>`, + `#n` from csv_num, so
-- loading a file again adds nothing. A view: the inserts read it once each.
CREATE OR REPLACE TEMP VIEW csv_ev AS
SELECT r.k, r.row_no, r.case_id,
       'csv:' || r.case_id || ':' || r.activity || ':' || r.ts::VARCHAR || coalesce('#' || x.n, '') AS event_id,
       r.activity, r.ts, r.resource, r.attrs
FROM csv_rows r LEFT JOIN csv_num x ON x.k = r.k
WHERE r.reject_field IS NULL;
