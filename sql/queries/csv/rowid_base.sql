SELECT coalesce(min(rowid), 0)::VARCHAR AS base FROM csv_raw;
