-- Step 2: new events, once each (by event_id, against the store and within the run), numbered
-- in source order after the store's last seq. Header-supplied time/user/attributes filled in.
CREATE OR REPLACE TEMP TABLE stg_new_events AS
SELECT e.rec, e.idx, e.event_id, e.activity, coalesce(e.ts_ms, h.ts_ms) AS ts_ms, e.ts_precision,
       coalesce(e.user_id, h.user_id) AS user_id, coalesce(e.user_type, h.user_type) AS user_type,
       e.amount, e.currency,
       CASE WHEN h.attrs IS NULL OR h.attrs = '{}' THEN e.attrs
            ELSE json_merge_patch(h.attrs::JSON, e.attrs::JSON)::VARCHAR END AS attrs
FROM stg_events e LEFT JOIN stg_hdr h ON e.hdr = h.hdr
WHERE e.event_id NOT IN (SELECT event_id FROM events WHERE log_id = (SELECT log_id FROM stg_run))
QUALIFY row_number() OVER (PARTITION BY e.event_id ORDER BY e.rec, e.idx) = 1;

INSERT INTO events (log_id, event_id, activity, ts, ts_precision, seq, user_id, user_type, amount,
                    currency, attrs, source_system, source_file, source_key, run_id)
SELECT run.log_id, n.event_id, n.activity, epoch_ms(round(n.ts_ms)::BIGINT), n.ts_precision,
       (SELECT coalesce(max(seq), 0) FROM events) + row_number() OVER (ORDER BY n.rec, n.idx),
       n.user_id, n.user_type, n.amount, n.currency, n.attrs::JSON, run.source_system, r.file,
       regexp_replace(r.record_key, '#[0-9a-z]+$', ''), run.run_id
FROM stg_new_events n JOIN stg_records r USING (rec) CROSS JOIN stg_run run
ORDER BY n.rec, n.idx;
