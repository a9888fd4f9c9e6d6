-- Mining (numbered after the mining range, which is full): the invoices' local calendar dates,
-- computed once per refresh in the ERP's time zone (policies/targets.json localTimeZone) because
-- timezone() per invoice per call cost seconds at 1M orders. `tz` says which zone they are in;
-- readers fall back to converting when the configured zone differs (kpi/facts-invoices.sql).
ALTER TABLE invoice_settlement ADD COLUMN tz VARCHAR;
ALTER TABLE invoice_settlement ADD COLUMN created_date DATE;
ALTER TABLE invoice_settlement ADD COLUMN pgi_date DATE;
ALTER TABLE invoice_settlement ADD COLUMN cleared_date DATE;
