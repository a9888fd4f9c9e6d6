SELECT count(*)::INTEGER AS n FROM pg_timezone_names() WHERE name = $tz;
