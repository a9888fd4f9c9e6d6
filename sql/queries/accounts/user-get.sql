SELECT id, display_name, roles, scope, password_hash, disabled FROM users WHERE id = $id;
