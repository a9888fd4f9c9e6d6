-- csv_source over the CSV rows read into csv_raw: __tl_row is the 0-based position among the
-- rows read (rowids inside a transaction do not start at 0).
CREATE OR REPLACE TEMP VIEW csv_source AS
SELECT rowid - (SELECT min(rowid) FROM csv_raw) AS __tl_row, * FROM csv_raw;
