SELECT path, sha256, bytes FROM policy_files ORDER BY path;
