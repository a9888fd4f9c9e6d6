// The `receivable` filter ("the cases behind" DSO, best-possible DSO, days delinquent and each AR
// aging bucket): orders with an invoice open at a period end in chosen aging buckets. Its SQL is
// sql/queries/mining/filters/receivable.sql with $at / $buckets renamed to the filter's (spliced.ts).
import { loadQuery } from '../../sql';
import { renameParams } from './spliced';

type Bind = (v: string | number) => string;

/** `(SELECT case_no …)` of the order cases with an invoice open at day `at` in one of `buckets` (checked by the caller). */
export function receivableCases(at: string, buckets: readonly string[], bind: Bind): string {
  const atParam = bind(at);
  const list = `(${buckets.map((b) => bind(b)).join(', ')})`;
  const renamed: Record<string, string> = { at: atParam, buckets: list };
  return renameParams('receivable.sql', loadQuery('mining/filters/receivable'), (name) => renamed[name]);
}
