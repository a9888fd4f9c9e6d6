-- Fills the pipeline's staging tables (sql/queries/ingest/stage_create.sql) from the valid rows of
-- csv_rows, so the pipeline's merge scripts do the rest. One event per row: id
-- `csv:<case>:<activity>:<ts as YYYY-MM-DD HH:MM:SS[.fff]>` (+ `#n` for the n-th identical row), so loading a file again is a
-- no-op; `seq` order = file order (ord = row number). The start timestamp, when mapped, is the
-- attribute `start_ts` of the event (an activity instance; docs/model.md). One object
-- `case:<id>` of type `case` per case, linked to its events with the qualifier `case`.
-- Only rows whose (case, activity, time) repeats need numbering (a window over them alone).
CREATE OR REPLACE TEMP TABLE csv_rep AS
SELECT case_id, activity, ts FROM csv_rows WHERE reject_field IS NULL GROUP BY ALL HAVING count(*) > 1;

CREATE OR REPLACE TEMP TABLE csv_ev AS
WITH ok AS (SELECT * FROM csv_rows WHERE reject_field IS NULL),
numbered AS (
  SELECT ok.*, 1 AS n FROM ok ANTI JOIN csv_rep USING (case_id, activity, ts)
  UNION ALL
  SELECT ok.*, row_number() OVER (PARTITION BY case_id, activity, ts ORDER BY row_no) AS n FROM ok SEMI JOIN csv_rep USING (case_id, activity, ts)
)
SELECT r.row_no, r.case_id,
       'csv:' || r.case_id || ':' || r.activity || ':' || r.ts::VARCHAR || CASE WHEN r.n > 1 THEN '#' || r.n ELSE '' END AS event_id,
       r.activity, epoch_ms(r.ts)::DOUBLE AS ts_ms, r.resource,
       CASE WHEN r.start_ts IS NULL THEN r.attrs
            ELSE json_merge_patch(r.attrs::JSON, json_object('start_ts', strftime(r.start_ts, '%Y-%m-%dT%H:%M:%S.%gZ')))::VARCHAR
       END AS attrs
FROM numbered r;

INSERT INTO stg_events (rec, ord, event_id, activity, ts_ms, ts_precision, hdr, user_id, user_type, amount, currency, attrs, source_file, source_key)
SELECT e.row_no, e.row_no, e.event_id, e.activity, e.ts_ms, 'second', NULL, e.resource, NULL, NULL, NULL, e.attrs,
       m.file, m.file || ':' || e.row_no
FROM csv_ev e CROSS JOIN csv_meta m;

INSERT INTO stg_objects (rec, object_id, object_type, attrs, source_key, key_sig)
SELECT min(e.row_no), 'case:' || e.case_id, 'case', '{}', any_value(m.file) || ':' || min(e.row_no), 0
FROM csv_ev e CROSS JOIN csv_meta m
GROUP BY e.case_id;

INSERT INTO stg_event_object (rec, event_id, object_id, qualifier, own)
SELECT row_no, event_id, 'case:' || case_id, 'case', true FROM csv_ev;

INSERT INTO stg_rejects (rec, file, row_no, record_key, field, reason, raw)
SELECT r.line, m.file, r.line, NULL, r.field, r.reason, r.raw
FROM csv_read_rejects r CROSS JOIN csv_meta m;
