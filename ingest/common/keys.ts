// Natural keys and canonical ids (docs/model.md "Identifiers"): every source that names the same
// thing must produce the same id, whatever its own formatting.

export type ObjectType =
  | 'customer'
  | 'sales_order'
  | 'order_line'
  | 'delivery'
  | 'invoice'
  | 'credit_memo'
  | 'payment'
  | 'dispute';

/** Drops leading zeros of a document or item number ("0010000045" -> "10000045"); "000" -> "0". */
export function stripZeros(value: string): string {
  const v = value.trim();
  let i = 0;
  while (i < v.length - 1 && v.charCodeAt(i) === 48) i++;
  return v.slice(i);
}

/** Removes a known prefix ("INV-", "SO ", "cus_", "CM-") if present, then leading zeros. */
export function stripPrefix(value: string, prefix: string): string {
  const v = value.trim();
  return stripZeros(v.startsWith(prefix) ? v.slice(prefix.length) : v);
}

export function objectId(type: ObjectType, key: string): string {
  return `${type}:${key}`;
}

/** `order_line:10000045/10` from an order number and an item number, both in any padding. */
export function orderLineId(order: string, item: string): string {
  return `order_line:${stripZeros(order)}/${stripZeros(item)}`;
}

/** The object type of a canonical object id (the part before the first colon). */
export function typeOfId(id: string): string {
  const i = id.indexOf(':');
  return i < 0 ? id : id.slice(0, i);
}

/** A 53-bit string hash (cyrb53), as base-36 text: identifies a snapshot row's content. */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
