SELECT id, user_id, name, revoked_at IS NOT NULL AS revoked FROM api_tokens WHERE id = $id;
