-- The newest event per (log, source system): how current each integration's data is.
-- Event-log imports (xes, ocel, csv, parquet) are one source, "imports".
SELECT log_id,
       CASE WHEN source_system IN ('xes', 'ocel', 'csv', 'parquet') THEN 'imports' ELSE source_system END AS source,
       strftime(max(ts), '%Y-%m-%dT%H:%M:%SZ') AS newest_event,
       count(*)::DOUBLE AS events
FROM events
GROUP BY ALL
ORDER BY source, log_id
