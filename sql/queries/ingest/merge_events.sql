-- Step 2: events. An event is new if its id is neither in the store nor earlier in this run; a
-- record all of whose events were already there is a duplicate (a webhook delivered twice, a file
-- loaded again). New events get seq = the store's last seq + their source order.
CREATE OR REPLACE TEMP TABLE stg_ev AS
WITH present AS (
  SELECT event_id FROM events
  WHERE log_id = (SELECT log_id FROM stg_run) AND event_id IN (SELECT event_id FROM stg_events)
)
SELECT e.*, e.event_id IN (SELECT event_id FROM present) AS stored,
       row_number() OVER (PARTITION BY e.event_id ORDER BY e.rec, e.idx) AS n
FROM stg_events e;

CREATE OR REPLACE TEMP TABLE stg_dup AS
SELECT rec FROM stg_ev GROUP BY rec HAVING bool_and(stored OR n > 1);

INSERT INTO events (log_id, event_id, activity, ts, ts_precision, seq, user_id, user_type, amount,
                    currency, attrs, source_system, source_file, source_key, run_id)
SELECT run.log_id, e.event_id, e.activity, epoch_ms(round(coalesce(e.ts_ms, h.ts_ms))::BIGINT), e.ts_precision,
       (SELECT coalesce(max(seq), 0) FROM events) + row_number() OVER (ORDER BY e.rec, e.idx),
       coalesce(e.user_id, h.user_id), coalesce(e.user_type, h.user_type), e.amount, e.currency,
       CASE WHEN h.attrs IS NULL OR h.attrs = '{}' THEN e.attrs::JSON ELSE json_merge_patch(h.attrs::JSON, e.attrs::JSON) END,
       run.source_system, e.source_file, e.source_key, run.run_id
FROM stg_ev e LEFT JOIN stg_hdr h ON e.hdr = h.hdr CROSS JOIN stg_run run
WHERE NOT e.stored AND e.n = 1;
