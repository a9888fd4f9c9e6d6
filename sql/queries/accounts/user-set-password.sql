UPDATE users SET password_hash = $password_hash, password_changed_at = now()::TIMESTAMP WHERE id = $id;
