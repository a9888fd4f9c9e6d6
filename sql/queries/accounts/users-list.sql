SELECT u.id, u.display_name, u.roles, u.scope, u.disabled,
       strftime(u.created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at,
       strftime(u.last_signin_at, '%Y-%m-%dT%H:%M:%SZ') AS last_signin_at,
       (SELECT count(*)::INTEGER FROM api_tokens t
        WHERE t.user_id = u.id AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()::TIMESTAMP)) AS live_tokens
FROM users u ORDER BY u.id;
