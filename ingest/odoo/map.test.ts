// Pure parts of the Odoo ingestor: credential redaction and the tracking-value activity rules.
import { describe, expect, it } from 'vitest';
import { redact, scrub } from './extract';
import { trackingActivity } from './map';

describe('redact', () => {
  it('hides the password of a URL and keeps host, port and database as the source identity', () => {
    const r = redact('postgres://odoo:s3cr%40t@db.example:6543/prod?sslmode=require');
    expect(r.display).toBe('postgres://odoo:***@db.example:6543/prod?sslmode=require');
    expect(r.source).toBe('db.example:6543/prod');
    expect(r.password).toBe('s3cr@t');
    expect(redact('postgresql://u:pw@h/db?password=pw2').display).not.toMatch(/pw2|:pw@/);
  });
  it('hides the password of a key=value string', () => {
    const r = redact("host=h port=5433 dbname=odoo user=u password='p w'");
    expect(r.display).not.toContain('p w');
    expect(r.source).toBe('h:5433/odoo');
  });
  it('scrubs the password and URL credentials from error messages', () => {
    expect(scrub(new Error('failed for hunter2 at postgres://u:other@h/db'), 'hunter2').message).toBe('failed for *** at postgres://u:***@h/db');
  });
});

describe('trackingActivity', () => {
  it('maps Odoo tracked fields (selection labels) to the model activities', () => {
    expect(trackingActivity('sale.order', 'x_credit_status', 'Approved', 'Blocked')).toBe('Set Credit Block');
    expect(trackingActivity('sale.order', 'x_credit_status', 'Blocked', 'Released')).toBe('Release Credit Block');
    expect(trackingActivity('sale.order', 'x_delivery_block', null, 'Block 01')).toBe('Set Delivery Block');
    expect(trackingActivity('sale.order', 'x_delivery_block', 'Block 01', null)).toBe('Remove Delivery Block');
    expect(trackingActivity('sale.order', 'x_billing_block', 'Block Z1', null)).toBe('Remove Billing Block');
    expect(trackingActivity('sale.order', 'commitment_date', '2025-01-02', '2025-01-09')).toBe('Change Requested Date');
    expect(trackingActivity('sale.order', 'state', 'Sales Order', 'Cancelled')).toBe('Cancel Order');
    expect(trackingActivity('sale.order.line', 'price_unit', '10', '9.5')).toBe('Change Price');
    expect(trackingActivity('sale.order.line', 'product_uom_qty', '1', '2')).toBe('Change Quantity');
    expect(trackingActivity('sale.order.line', 'x_price_approval', null, 'Pending approval')).toBe('Request Price Approval');
    expect(trackingActivity('sale.order.line', 'x_price_approval', 'Pending approval', 'Rejected')).toBe('Reject Price Exception');
    expect(trackingActivity('sale.order.line', 'x_rejection_reason', null, '02')).toBe('Reject Order Line');
    expect(trackingActivity('account.move', 'state', 'Posted', 'Cancelled')).toBe('Cancel Invoice');
    expect(trackingActivity('sale.order', 'note', 'a', 'b')).toBeNull();
  });
});
