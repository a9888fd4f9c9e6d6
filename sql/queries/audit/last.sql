SELECT seq::BIGINT AS seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1;
