-- Mining (see 041 for the numbering): one row per dispute that was opened, built by each refresh of
-- the order perspective (refresh/dispute-facts.sql) and read by the invoice settlement and the
-- open-disputes figures instead of each walking the dispute events.
CREATE TABLE dispute_facts (
  log_id       VARCHAR NOT NULL,
  dispute_id   VARCHAR NOT NULL,
  opened_ts    TIMESTAMP NOT NULL,   -- first Open Dispute
  resolved_ts  TIMESTAMP             -- last Resolve Dispute, if any
);
