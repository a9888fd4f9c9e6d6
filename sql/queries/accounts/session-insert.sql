INSERT INTO sessions (id_hash, user_id, created_at, expires_at, last_seen_at)
VALUES ($id_hash, $user_id, now()::TIMESTAMP, now()::TIMESTAMP + to_seconds($ttl_seconds::BIGINT), now()::TIMESTAMP);
