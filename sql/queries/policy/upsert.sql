INSERT OR REPLACE INTO policy_files (path, sha256, bytes, seen_at) VALUES ($path, $sha256, $bytes, $seen_at);
