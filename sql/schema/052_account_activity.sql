-- Account administration (the /users and /account pages): when each user last signed in, and an
-- optional expiry on API tokens (NULL = never; an expired token answers as no token).
ALTER TABLE users ADD COLUMN last_signin_at TIMESTAMP;
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMP;
