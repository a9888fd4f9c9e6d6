UPDATE api_tokens SET revoked_at = now()::TIMESTAMP WHERE id = $id AND revoked_at IS NULL;
