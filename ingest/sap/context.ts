// What the SAP mappers share within one run: the user directory (USR02, read first) and the
// conversions every table needs (local date+time -> UTC, user -> user type, ids).
import { objectId, stripZeros } from '../common/keys';
import { requiredSapDate, sapTime, localInstant } from '../common/values';
import type { CsvRow } from '../pipeline/csv';
import type { UserType } from '../pipeline/source';

export const SAP_SYSTEM = 'sap';

export class SapContext {
  /** BNAME -> user type, from USR02 (small: the company's users, not its documents). */
  readonly users = new Map<string, UserType>();

  private readonly last = new Map<string, string>();

  /**
   * Whether `key` differs from the previous key seen for `kind`: item rows repeat their header's
   * relations (every LIPS row of a delivery names the same order), and the files keep a document's
   * items together, so remembering one key per kind drops most repeats with O(1) memory. The merge
   * de-duplicates whatever gets through.
   */
  changed(kind: string, key: string): boolean {
    if (this.last.get(kind) === key) return false;
    this.last.set(kind, key);
    return true;
  }

  userType(user: string): UserType | null {
    return user === '' ? null : (this.users.get(user) ?? null);
  }

  /** UTC epoch ms of a required date field plus a time field. */
  instant(row: CsvRow, dateField: string, timeField: string): number {
    return localInstant(requiredSapDate(row.get(dateField), dateField), sapTime(row.get(timeField), timeField));
  }
}

/** USR02.USTYP: `A` dialog user = a person; `B` system, `S` service and anything else = system. */
export function userTypeOf(ustyp: string): UserType {
  return ustyp.trim() === 'A' ? 'human' : 'system';
}

export const salesOrder = (vbeln: string): string => objectId('sales_order', stripZeros(vbeln));
export const delivery = (vbeln: string): string => objectId('delivery', stripZeros(vbeln));
export const invoice = (vbeln: string): string => objectId('invoice', stripZeros(vbeln));
export const creditMemo = (vbeln: string): string => objectId('credit_memo', stripZeros(vbeln));
export const customer = (kunnr: string): string => objectId('customer', stripZeros(kunnr));

/** Warehouse of a plant / shipping point (fixtures/FORMATS.md). */
export function warehouseOf(plant: string): string | undefined {
  return plant === '1000' ? 'WH1' : plant === '2000' ? 'WH2' : undefined;
}
