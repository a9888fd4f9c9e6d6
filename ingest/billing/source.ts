// The billing/AR source: a folder of NDJSON files, one per UTC day of `created`, read in name order.
import { listFiles } from '../pipeline/files';
import { readNdjson, type JsonRow } from '../pipeline/ndjson';
import type { Source } from '../pipeline/source';
import { mapBillingEvent } from './map';

export const BILLING_SYSTEM = 'billing';

export const billingSource: Source<JsonRow> = {
  kind: 'billing',
  system: BILLING_SYSTEM,
  async *read(path: string) {
    for (const file of listFiles(path, (f) => f.toLowerCase().endsWith('.ndjson'))) yield* readNdjson(file);
  },
  mapper: () => mapBillingEvent,
};
