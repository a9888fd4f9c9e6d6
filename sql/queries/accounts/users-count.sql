SELECT count(*)::INTEGER AS n FROM users;
