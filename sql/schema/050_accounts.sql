-- Sign-in (issue 7, server/accounts): accounts with roles, sessions and API tokens. No secret is
-- stored as given: passwords as scrypt hashes (salt and cost in the text), session ids and API
-- tokens as sha256 hex of the random value (they are 32 random bytes: a slow hash adds nothing).
CREATE TABLE users (
  id VARCHAR PRIMARY KEY,               -- the sign-in name, lower case
  display_name VARCHAR NOT NULL,
  roles VARCHAR NOT NULL,               -- comma-separated, server/auth.ts ROLES
  scope VARCHAR,                        -- JSON {"warehouses":[…],"segments":[…]} of a scoped process owner
  password_hash VARCHAR NOT NULL,       -- scrypt$N$r$p$salt$hash (base64url)
  disabled BOOLEAN NOT NULL DEFAULT false,
  created_at TIMESTAMP NOT NULL,
  password_changed_at TIMESTAMP NOT NULL
);

CREATE TABLE sessions (
  id_hash VARCHAR PRIMARY KEY,          -- sha256 hex of the cookie's value
  user_id VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  expires_at TIMESTAMP NOT NULL,        -- slides forward while the session is used
  last_seen_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id VARCHAR PRIMARY KEY,               -- shown in lists; the secret never is
  user_id VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  token_hash VARCHAR NOT NULL,          -- sha256 hex of the whole "tl_…" token
  prefix VARCHAR NOT NULL,              -- its first characters, so an owner recognises it
  created_at TIMESTAMP NOT NULL,
  last_used_at TIMESTAMP,
  revoked_at TIMESTAMP
);
CREATE INDEX api_tokens_hash ON api_tokens (token_hash);
