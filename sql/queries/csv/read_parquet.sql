-- A Parquet file into csv_raw, every column cast to VARCHAR under its own name, in file order.
CREATE OR REPLACE TEMP TABLE csv_raw AS SELECT COLUMNS(*)::VARCHAR FROM read_parquet($path);
