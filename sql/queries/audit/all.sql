-- Every entry in stored order, for audit/verify.ts.
SELECT seq::BIGINT AS seq, recorded_at AS "at", actor, action, target, detail, prev_hash, hash FROM audit_log ORDER BY seq;
