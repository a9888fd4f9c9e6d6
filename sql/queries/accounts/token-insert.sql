INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, created_at, last_used_at, revoked_at, expires_at)
VALUES ($id, $user_id, $name, $token_hash, $prefix, now()::TIMESTAMP, NULL, NULL,
        CASE WHEN $expires_days::INTEGER IS NULL THEN NULL ELSE now()::TIMESTAMP + to_days($expires_days::INTEGER) END)
RETURNING strftime(expires_at, '%Y-%m-%dT%H:%M:%SZ') AS expires_at;
