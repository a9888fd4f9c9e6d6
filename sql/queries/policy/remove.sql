DELETE FROM policy_files WHERE path = $path;
