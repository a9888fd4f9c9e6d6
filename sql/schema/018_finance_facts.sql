-- Mining: the per-order and per-invoice facts the finance pages read (KPI library, DSO impact, AR
-- aging, root causes), built by each refresh of the order perspective (mining/refresh.ts) instead
-- of on every call: at 1M orders the facts took 10–35 s to derive (15.6M trace rows joined to
-- events, a running balance over the AR ledger, due dates parsed from JSON).
-- Column meanings: sql/queries/mining/refresh/order-facts.sql and invoice-settlement.sql.
CREATE TABLE order_facts (
  log_id              VARCHAR NOT NULL,
  case_no             INTEGER NOT NULL,
  created_ts          TIMESTAMP,
  first_pgi_ts        TIMESTAMP,
  cancelled_ts        TIMESTAMP,
  touched             BOOLEAN NOT NULL,
  reworked            BOOLEAN NOT NULL,
  credit_blocks       INTEGER NOT NULL,
  credit_hold_hours   DOUBLE NOT NULL,
  credit_unreleased   BOOLEAN NOT NULL,
  price_requested_ts  TIMESTAMP,
  price_decided_ts    TIMESTAMP,
  released_ts         TIMESTAMP,
  first_deliver_ts    TIMESTAMP,
  last_deliver_ts     TIMESTAMP
);

-- One row per invoice of invoice_facts: how and when it was settled.
CREATE TABLE invoice_settlement (
  log_id               VARCHAR NOT NULL,
  invoice_id           VARCHAR NOT NULL,
  case_no              INTEGER,
  due_date             DATE,
  cleared_ts           TIMESTAMP,
  credited_ts          TIMESTAMP,
  disputes             INTEGER NOT NULL,
  dispute_opened_ts    TIMESTAMP,
  dispute_resolved_ts  TIMESTAMP
);
