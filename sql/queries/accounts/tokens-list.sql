-- A user's tokens ($user_id NULL: everyone's, for the admin), newest first; never the secret.
SELECT id, user_id, name, prefix,
       strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at,
       strftime(last_used_at, '%Y-%m-%dT%H:%M:%SZ') AS last_used_at,
       strftime(revoked_at, '%Y-%m-%dT%H:%M:%SZ') AS revoked_at,
       strftime(expires_at, '%Y-%m-%dT%H:%M:%SZ') AS expires_at
FROM api_tokens
WHERE $user_id::VARCHAR IS NULL OR user_id = $user_id
ORDER BY api_tokens.created_at DESC, id;
