SELECT count(*)::BIGINT AS n FROM csv_rows WHERE reject_field IS NOT NULL;
