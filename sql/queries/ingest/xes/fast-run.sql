-- XES fast path: the run's constants and its files ($files: JSON [{no, name, base}]), for the
-- scripts that follow (scripts take no parameters).
CREATE OR REPLACE TEMP TABLE xes_run AS
SELECT $run_id::VARCHAR AS run_id, $log_id::VARCHAR AS log_id,
       (SELECT list(struct_pack(file_no := (f->>'no')::INTEGER, name := f->>'name', base := f->>'base'))
        FROM (SELECT unnest(from_json($files::JSON, '["JSON"]')) AS f)) AS files
