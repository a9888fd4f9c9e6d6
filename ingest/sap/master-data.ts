// USR02 (who is a person) and KNA1 (customers).
import { stripZeros } from '../common/keys';
import { requireKey } from '../common/reject';
import { isoDate, sapDate } from '../common/values';
import type { CsvRow } from '../pipeline/csv';
import type { Emit } from '../pipeline/source';
import { customer, userTypeOf, type SapContext } from './context';

export function mapUser(row: CsvRow, out: Emit, ctx: SapContext): void {
  const bname = requireKey(row.get('BNAME'), 'BNAME');
  out.key(`sap:USR02:${bname}`);
  ctx.users.set(bname, userTypeOf(row.get('USTYP')));
}

export function mapCustomer(row: CsvRow, out: Emit): void {
  const kunnr = stripZeros(requireKey(row.get('KUNNR'), 'KUNNR'));
  out.key(`sap:KNA1:${kunnr}`);
  const created = sapDate(row.get('ERDAT'), 'ERDAT');
  out.object(customer(kunnr), {
    name: row.get('NAME1'),
    city: row.get('ORT01'),
    region: row.get('REGIO'),
    country: row.get('LAND1'),
    segment: row.get('KUKLA'),
    created_on: created ? isoDate(created) : undefined,
  });
}
