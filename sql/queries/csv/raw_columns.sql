-- The columns of csv_raw, in order, as read.
SELECT column_name FROM (DESCRIBE csv_raw);
