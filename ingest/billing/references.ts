// How billing events name ERP things: `INV-90000123`, `SO 10000045`, `cus_100123`, `CM-90000456`,
// and the platform's own ids (`in_…`), which only its invoice events tie to an ERP invoice.
import { objectId, stripPrefix } from '../common/keys';
import { requireKey } from '../common/reject';

/** The ERP number in a prefixed reference; a `missing_key` reject when nothing is left of it. */
const number = (ref: string, prefix: string, field: string): string => requireKey(stripPrefix(ref, prefix), field);

export const erpInvoice = (ref: string, field: string): string => objectId('invoice', number(ref, 'INV-', field));
export const erpOrder = (ref: string, field: string): string => objectId('sales_order', number(ref, 'SO ', field));
export const erpCreditMemo = (ref: string, field: string): string => objectId('credit_memo', number(ref, 'CM-', field));
export const customerKey = (ref: string): string => stripPrefix(ref, 'cus_');

/** Alias of the platform's invoice id, defined by every invoice event that carries its ERP number. */
export const platformInvoice = (inId: string): string => `~~bill:in:${inId}`;
