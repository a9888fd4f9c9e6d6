-- The import's constants (ingest/csv/read.ts): the file as named in lineage and rejects, and the
-- mapped column names, so rejects name the field as the user knows it.
CREATE OR REPLACE TEMP TABLE csv_meta AS
SELECT $file::VARCHAR AS file, $f_case::VARCHAR AS f_case, $f_activity::VARCHAR AS f_activity,
       $f_ts::VARCHAR AS f_ts, $f_start::VARCHAR AS f_start, $ts_format::VARCHAR AS ts_format;
