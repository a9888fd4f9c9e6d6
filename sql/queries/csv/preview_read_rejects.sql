SELECT line, field, reason FROM csv_read_rejects ORDER BY line LIMIT $limit;
