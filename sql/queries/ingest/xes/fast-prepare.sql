-- XES fast path, once the TSV files are read: case ids, rejects, case objects, what the log already has.
-- A text field escaped by tsv.ts starts with U+0001 and holds a JSON string.
CREATE OR REPLACE TEMP MACRO xes_txt(s) AS CASE WHEN starts_with(s, chr(1)) THEN json_extract_string(s[2:], '$') ELSE s END;

CREATE OR REPLACE TEMP TABLE xes_files AS SELECT unnest(files, recursive := true) FROM xes_run;

-- Case key: the trace's concept:name (none: `#<trace no>`); a name seen before in the same file
-- gets `#<trace no>` (map.ts did the same with a set).
CREATE OR REPLACE TEMP TABLE xes_cases AS
WITH t AS (SELECT file_no, trace_no, line, attrs, coalesce(xes_txt(name), '#' || trace_no) AS k FROM xes_tr_raw)
SELECT file_no, trace_no, line, attrs, file_no::BIGINT * 4294967296 + trace_no AS rec,
       CASE WHEN row_number() OVER (PARTITION BY file_no, k ORDER BY trace_no) > 1 THEN k || '#' || trace_no ELSE k END AS case_key
FROM t;

CREATE OR REPLACE TEMP TABLE xes_rej AS
SELECT f.name AS file, e.line AS row_no, xes_txt(e.field) AS field, xes_txt(e.reason) AS reason,
       'trace ' || c.case_key || ' event ' || e.event_no AS raw, e.file_no, e.trace_no, e.event_no
FROM xes_rej_raw e JOIN xes_files f USING (file_no) JOIN xes_cases c USING (file_no, trace_no);

-- The store's last seq (events.seq = it + ord) and whether the log had any events before this run.
CREATE OR REPLACE TEMP TABLE xes_seq_base AS
SELECT (SELECT coalesce(max(seq), 0) FROM events) AS base,
       NOT EXISTS (SELECT 1 FROM events WHERE log_id = (SELECT log_id FROM xes_run)) AS fresh;

-- Case objects: one per case id. The same id from several files (a folder) merges the traces'
-- attributes in file order, as the pipeline's merge did (same names: the last; two: a patch; more: a fold).
CREATE OR REPLACE TEMP TABLE xes_obj AS
SELECT 'case:' || c.case_key AS object_id, arg_min(f.name || ':' || c.line, c.rec) AS source_key, count(*) AS n,
       CASE WHEN count(*) = 1 THEN nullif(any_value(c.attrs), '{}') END AS attrs
FROM xes_cases c JOIN xes_files f USING (file_no)
GROUP BY ALL;

UPDATE xes_obj SET attrs = m.attrs
FROM (
  SELECT 'case:' || case_key AS object_id,
         CASE WHEN count(*) = 1 OR count(DISTINCT json_keys(attrs::JSON)::VARCHAR) = 1 THEN arg_max(attrs, rec)
              WHEN count(*) = 2 THEN json_merge_patch(arg_min(attrs, rec)::JSON, arg_max(attrs, rec)::JSON)::VARCHAR
              ELSE list_reduce(list(attrs::JSON ORDER BY rec), lambda a, b: json_merge_patch(a, b))::VARCHAR
         END AS attrs
  FROM xes_cases
  WHERE attrs <> '{}' AND 'case:' || case_key IN (SELECT object_id FROM xes_obj WHERE n > 1)
  GROUP BY ALL
) m
WHERE xes_obj.object_id = m.object_id;

CREATE OR REPLACE TEMP TABLE xes_obj_existing AS
SELECT object_id FROM objects
WHERE log_id = (SELECT log_id FROM xes_run) AND object_id IN (SELECT object_id FROM xes_obj);
