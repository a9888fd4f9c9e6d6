-- Mining: materialised case views (architecture.md "a materialised case view per perspective").
-- Rebuilt per (log, perspective) by mining/refresh.ts; readers (maps, variants, KPIs) never walk
-- the object graph themselves. Column meanings: docs/model.md and mining/README.md.

-- One row per (case, event): the trace, numbered 1..n in (events.ts, events.seq) order.
CREATE TABLE case_events (
  log_id         VARCHAR NOT NULL,
  perspective    VARCHAR NOT NULL,       -- order (O2C) | case (a case-centric log: XES, CSV)
  case_id        VARCHAR NOT NULL,       -- the case object's id, e.g. sales_order:10000045
  case_no        INTEGER NOT NULL,       -- dense number of the case within (log, perspective): fast joins
  seq            INTEGER NOT NULL,       -- 1..n within the case
  activity       VARCHAR NOT NULL,
  ts             TIMESTAMP NOT NULL,     -- UTC
  event_id       VARCHAR NOT NULL,
  user_id        VARCHAR,
  user_type      VARCHAR,                -- human | system
  amount         DOUBLE,
  ts_precision   VARCHAR,                -- second | day
  source_system  VARCHAR
);

-- One row per case: its span, variant and, for O2C orders, milestones and attributes.
CREATE TABLE cases (
  log_id            VARCHAR NOT NULL,
  perspective       VARCHAR NOT NULL,
  case_id           VARCHAR NOT NULL,
  case_no           INTEGER NOT NULL,
  start_ts          TIMESTAMP NOT NULL,
  end_ts            TIMESTAMP NOT NULL,
  n_events          INTEGER NOT NULL,
  variant           VARCHAR NOT NULL,    -- activities in trace order joined by ' → '
  -- O2C milestones (NULL when the case has no such event)
  created_ts        TIMESTAMP,           -- first Create Sales Order
  first_pgi_ts      TIMESTAMP,           -- first Post Goods Issue
  first_invoice_ts  TIMESTAMP,           -- first Create Invoice
  cancelled_ts      TIMESTAMP,           -- first Cancel Order
  -- O2C case attributes (sql/queries/mining/refresh/case-attributes-o2c.sql)
  customer_id       VARCHAR,
  customer_name     VARCHAR,
  segment           VARCHAR,             -- KA | MM | SM
  channel           VARCHAR,             -- eCommerce | EDI | sales portal | customer service
  order_type        VARCHAR,             -- ZOR standard | ZRO rush
  warehouse         VARCHAR,             -- WH1 | WH2 | 'WH1,WH2' when deliveries came from both
  net_value         DOUBLE,
  currency          VARCHAR,
  payment_terms     VARCHAR
);

-- Receivables movements of a log, one row per movement; amount > 0 raises AR, < 0 lowers it.
-- kind: invoice (gross) | cancellation | credit_memo | cash | deduction.
CREATE TABLE ar_ledger (
  log_id      VARCHAR NOT NULL,
  invoice_id  VARCHAR NOT NULL,
  ts          TIMESTAMP NOT NULL,
  kind        VARCHAR NOT NULL,
  amount      DOUBLE NOT NULL,
  event_id    VARCHAR
);

-- One row per invoice (Create Invoice): what invoice latency and DSO need.
CREATE TABLE invoice_facts (
  log_id        VARCHAR NOT NULL,
  invoice_id    VARCHAR NOT NULL,
  order_id      VARCHAR,                 -- the billed sales order (smallest id if several)
  created_ts    TIMESTAMP NOT NULL,      -- Create Invoice
  gross_amount  DOUBLE,
  pgi_ts        TIMESTAMP,               -- goods issue of the invoiced delivery (latest if several)
  cancelled_ts  TIMESTAMP                -- Cancel Invoice, if any
);

-- What each refresh saw, so readers can tell whether the views are stale.
CREATE TABLE case_view_state (
  log_id         VARCHAR NOT NULL,
  perspective    VARCHAR NOT NULL,
  refreshed_at   TIMESTAMP NOT NULL,
  fingerprint    VARCHAR NOT NULL,       -- counts and max seq of the canonical tables for the log
  cases          BIGINT NOT NULL,
  case_events    BIGINT NOT NULL,
  seconds        DOUBLE NOT NULL,
  PRIMARY KEY (log_id, perspective)
);
