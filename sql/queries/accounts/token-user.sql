-- The owner of a live API token; nothing for a revoked or expired token or a disabled account.
SELECT t.id AS token_id, u.id, u.roles, u.scope,
       coalesce(date_diff('second', t.last_used_at, now()::TIMESTAMP), 1000000)::INTEGER AS idle_seconds
FROM api_tokens t JOIN users u ON u.id = t.user_id
WHERE t.token_hash = $token_hash AND t.revoked_at IS NULL
  AND (t.expires_at IS NULL OR t.expires_at > now()::TIMESTAMP) AND NOT u.disabled;
