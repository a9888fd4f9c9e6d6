-- The first rejects of the import (for a person to read; all are in `rejects`).
SELECT row_no, field, reason FROM csv_rejects ORDER BY row_no LIMIT 20;
