-- The first rejects of the current run (for a person to read; all are in `rejects`).
SELECT file, row_no, field, reason FROM stg_rejects ORDER BY rec LIMIT 20;
