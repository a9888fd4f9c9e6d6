// Input schemas shared by the routers.
import { z } from 'zod';
import { TIMESTAMP_FORMATS } from '../ingest/csv';

export const logId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'a log id is letters, digits and _ . : -');

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/** Half-open [from, to) in UTC, as mining/types.ts `Period`. */
export const period = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from < p.to, { message: 'period.from must be before period.to' });

export const percent = z.number().min(0).max(100);

/** CSV/Parquet column mappings (ingest/csv ColumnMapping). */
const column = z.string().min(1).max(500);
const settings = {
  attributes: z.array(column).max(200).optional(),
  timestampFormat: z
    .string()
    .max(100)
    .refine((f) => (TIMESTAMP_FORMATS as readonly string[]).includes(f) || f.includes('%'), 'a format name or a strptime pattern')
    .optional(),
  delimiter: z.string().length(1).optional(),
  timezone: z.string().max(100).optional(),
};
export const partialMapping = z.object({
  case: column.optional(),
  activity: column.optional(),
  timestamp: column.optional(),
  startTimestamp: column.optional(),
  resource: column.optional(),
  ...settings,
});
export const fullMapping = z.object({ case: column, activity: column, timestamp: column, startTimestamp: column.optional(), resource: column.optional(), ...settings });

