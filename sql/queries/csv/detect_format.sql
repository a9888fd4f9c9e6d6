-- How many of the first $sample non-empty values of the timestamp column ({{ts_col}}) each named
-- format reads as a year in 1900–2199 (ingest/csv/read.ts picks the first that reads them all).
WITH v AS (SELECT trim({{ts_col}}) AS v FROM csv_source WHERE nullif(trim({{ts_col}}), '') IS NOT NULL LIMIT $sample)
SELECT count(*)::INTEGER AS n,
       count(*) FILTER (WHERE year(csv_ts(v, 'iso', 'UTC')) BETWEEN 1900 AND 2199)::INTEGER AS iso,
       count(*) FILTER (WHERE year(csv_ts(v, 'epoch_s', 'UTC')) BETWEEN 1900 AND 2199)::INTEGER AS epoch_s,
       count(*) FILTER (WHERE year(csv_ts(v, 'epoch_ms', 'UTC')) BETWEEN 1900 AND 2199)::INTEGER AS epoch_ms,
       count(*) FILTER (WHERE year(csv_ts(v, 'ymd', 'UTC')) BETWEEN 1900 AND 2199)::INTEGER AS ymd,
       count(*) FILTER (WHERE year(csv_ts(v, 'dmy', 'UTC')) BETWEEN 1900 AND 2199)::INTEGER AS dmy,
       count(*) FILTER (WHERE year(csv_ts(v, 'mdy', 'UTC')) BETWEEN 1900 AND 2199)::INTEGER AS mdy,
       count(*) FILTER (WHERE year(csv_ts(v, 'dmy_dot', 'UTC')) BETWEEN 1900 AND 2199)::INTEGER AS dmy_dot
FROM v;
