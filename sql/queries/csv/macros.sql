-- Timestamp parsing for CSV/Parquet import (ingest/csv/README.md, "Timestamp format"), as TEMP
-- macros on the import's connection. csv_ts(x, fmt, tz): the trimmed text x as a UTC TIMESTAMP, or
-- NULL when it does not parse. fmt is a named format (iso, epoch_s, epoch_ms, ymd, dmy, mdy,
-- dmy_dot) or a strptime pattern; times without an offset are read in the IANA zone tz.
CREATE OR REPLACE TEMP MACRO csv_local(t, tz) AS
  CASE WHEN tz = 'UTC' THEN t ELSE timezone(tz, t)::TIMESTAMP END;

CREATE OR REPLACE TEMP MACRO csv_ts(x, fmt, tz) AS CASE fmt
  -- A cast to TIMESTAMP ignores an offset, one to TIMESTAMPTZ is slow: look for an offset first.
  WHEN 'iso' THEN
    CASE WHEN right(x, 1) IN ('Z', 'z') OR contains(substr(x, 11), '+') OR contains(substr(x, 12), '-')
         THEN try_cast(x AS TIMESTAMPTZ)::TIMESTAMP
         ELSE csv_local(try_cast(x AS TIMESTAMP), tz) END
  WHEN 'epoch_s' THEN
    CASE WHEN abs(try_cast(x AS DOUBLE)) < 1e11 THEN to_timestamp(try_cast(x AS DOUBLE))::TIMESTAMP END
  WHEN 'epoch_ms' THEN
    CASE WHEN abs(try_cast(x AS DOUBLE)) < 1e14 THEN epoch_ms(try_cast(x AS DOUBLE)::BIGINT) END
  WHEN 'ymd' THEN
    csv_local(try_strptime(x, ['%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y/%m/%d', '%Y-%m-%d %H:%M', '%Y-%m-%d']), tz)
  WHEN 'dmy' THEN
    csv_local(try_strptime(x, ['%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%Y', '%d-%m-%Y %H:%M:%S', '%d-%m-%Y %H:%M']), tz)
  WHEN 'mdy' THEN
    csv_local(try_strptime(x, ['%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M', '%m/%d/%Y', '%m/%d/%Y %I:%M:%S %p', '%m/%d/%Y %I:%M %p']), tz)
  WHEN 'dmy_dot' THEN
    csv_local(try_strptime(x, ['%d.%m.%Y %H:%M:%S', '%d.%m.%Y %H:%M', '%d.%m.%Y']), tz)
  -- A strptime pattern; with %z the value carries its offset.
  ELSE CASE WHEN contains(fmt, '%z') THEN try_strptime(x, fmt)::TIMESTAMP
            ELSE csv_local(try_strptime(x, fmt)::TIMESTAMP, tz) END
END;
