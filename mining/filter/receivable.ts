// The `receivable` filter ("the cases behind" DSO, best-possible DSO, days delinquent and each AR
// aging bucket): orders with an invoice open at a period end in chosen aging buckets. Its SQL is
// sql/queries/mining/filters/receivable.sql with $at / $buckets renamed to the filter's parameters.
import { loadQuery } from '../../sql';

type Bind = (v: string | number) => string;

/** `(SELECT case_no …)` of the order cases with an invoice open at day `at` in one of `buckets` (checked by the caller). */
export function receivableCases(at: string, buckets: readonly string[], bind: Bind): string {
  const atParam = bind(at);
  const list = `(${buckets.map((b) => bind(b)).join(', ')})`;
  const text = loadQuery('mining/filters/receivable')
    .replace(/--[^\n]*/g, '')
    .replace(/\$([a-z_]+)\b/g, (all, name: string) => {
      if (name === 'log_id') return all;
      if (name === 'at') return atParam;
      if (name === 'buckets') return list;
      throw new Error(`receivable.sql: unexpected parameter $${name}`);
    });
  return text.trim();
}
