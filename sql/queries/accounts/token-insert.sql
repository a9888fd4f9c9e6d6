INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, created_at, last_used_at, revoked_at)
VALUES ($id, $user_id, $name, $token_hash, $prefix, now()::TIMESTAMP, NULL, NULL);
