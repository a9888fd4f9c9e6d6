INSERT INTO audit_log (seq, recorded_at, actor, action, target, detail, prev_hash, hash)
VALUES ($seq, $at, $actor, $action, $target, $detail, $prev_hash, $hash);
