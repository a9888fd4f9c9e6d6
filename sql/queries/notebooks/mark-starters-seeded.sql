INSERT OR REPLACE INTO meta (key, value) VALUES ('notebooks.starters_seeded', strftime(now()::TIMESTAMP, '%Y-%m-%dT%H:%M:%SZ'));
