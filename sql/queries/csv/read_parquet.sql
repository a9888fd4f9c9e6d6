-- A Parquet file is not copied: csv_source is a view over it, every column cast to VARCHAR under
-- its own name, __tl_row its 0-based row (file_row_number), so order needs no materialised table.
CREATE OR REPLACE TEMP VIEW csv_source AS
SELECT file_row_number AS __tl_row, COLUMNS(* EXCLUDE (file_row_number))::VARCHAR
FROM read_parquet({{path}}, file_row_number = true);
