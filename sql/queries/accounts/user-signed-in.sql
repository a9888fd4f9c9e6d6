UPDATE users SET last_signin_at = now()::TIMESTAMP WHERE id = $id;
