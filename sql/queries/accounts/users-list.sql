SELECT id, display_name, roles, scope, disabled,
       strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at
FROM users ORDER BY id;
