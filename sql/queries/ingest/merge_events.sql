-- Step 2: events. A staged event is skipped if its id is already in the store or an earlier
-- record of this run staged it; a record all of whose events were skipped is a duplicate (a
-- webhook delivered twice, a file loaded again). New events get seq = the store's last seq + their
-- position among the run's staged events (source order; skipped events leave gaps), so no sort.
CREATE OR REPLACE TEMP TABLE stg_ev_skip AS
WITH repeated AS (
  SELECT event_id, min(ord) AS first_ord FROM stg_events GROUP BY event_id HAVING count(*) > 1
), present AS (
  SELECT event_id FROM events
  WHERE log_id = (SELECT log_id FROM stg_run) AND event_id IN (SELECT event_id FROM stg_events)
)
SELECT e.rec, e.ord FROM stg_events e JOIN repeated r ON e.event_id = r.event_id AND e.ord <> r.first_ord
UNION
SELECT e.rec, e.ord FROM stg_events e WHERE e.event_id IN (SELECT event_id FROM present);

CREATE OR REPLACE TEMP TABLE stg_dup AS
WITH skipped AS (SELECT rec, count(*) AS n FROM stg_ev_skip GROUP BY rec),
staged AS (SELECT rec, count(*) AS n FROM stg_events WHERE rec IN (SELECT rec FROM skipped) GROUP BY rec)
SELECT rec FROM skipped JOIN staged USING (rec) WHERE skipped.n = staged.n;

INSERT INTO events (log_id, event_id, activity, ts, ts_precision, seq, user_id, user_type, amount,
                    currency, attrs, source_system, source_file, source_key, run_id)
SELECT run.log_id, e.event_id, e.activity, epoch_ms(round(coalesce(e.ts_ms, h.ts_ms))::BIGINT), e.ts_precision,
       (SELECT coalesce(max(seq), 0) FROM events) + e.ord,
       coalesce(e.user_id, h.user_id), coalesce(e.user_type, h.user_type), e.amount, e.currency,
       CASE WHEN h.attrs IS NULL OR h.attrs = '{}' THEN e.attrs::JSON ELSE json_merge_patch(h.attrs::JSON, e.attrs::JSON) END,
       run.source_system, e.source_file, e.source_key, run.run_id
FROM stg_events e LEFT JOIN stg_hdr h ON e.hdr = h.hdr CROSS JOIN stg_run run
WHERE e.ord NOT IN (SELECT ord FROM stg_ev_skip);
