-- The columns of the file, in order, as read.
SELECT column_name FROM (DESCRIBE csv_source) WHERE column_name <> '__tl_row';
