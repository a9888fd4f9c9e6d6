// A bad source record: the mapper throws this, the pipeline writes it to `rejects` and goes on.
// Anything else a mapper throws fails the whole run.

export type RejectKind = 'missing_key' | 'bad_date' | 'unknown_customer' | 'negative_quantity' | 'malformed';

export class RowReject extends Error {
  constructor(
    readonly field: string | null,
    readonly reason: string,
    readonly kind: RejectKind = 'malformed',
  ) {
    super(reason);
    this.name = 'RowReject';
  }
}

/** The value of a key field, or a `missing_key` reject when it is empty. */
export function requireKey(value: string | undefined | null, field: string): string {
  const v = value?.trim() ?? '';
  if (v === '' || /^0+$/.test(v)) throw new RowReject(field, `missing key: ${field} is empty`, 'missing_key');
  return v;
}
