-- csv_source over the CSV rows read into csv_raw: __tl_row is the 0-based position among the rows
-- read. Rowids inside a transaction do not start at 0: {{rowid_base}} is csv_raw's first
-- (rowid_base.sql); a constant, as a scalar subquery here doubled the cost of every scan.
CREATE OR REPLACE TEMP VIEW csv_source AS
SELECT rowid - {{rowid_base}} AS __tl_row, * FROM csv_raw;
