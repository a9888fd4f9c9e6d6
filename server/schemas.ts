// Input schemas shared by the routers.
import { z } from 'zod';
import { FILTER_AGING_BUCKETS, FILTER_STAGES } from '../mining/filter/types';
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


/** A perspective: 'order', 'case' or an object type (mining/refresh.ts checks it against the log). */
export const perspective = z.string().regex(/^[A-Za-z0-9_.:\- ]{1,100}$/, 'a perspective is order, case or an object type');

const text = z.string().min(1).max(500);
const texts = z.array(text).min(1).max(1000);
const when = z.string().regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$/, 'a date YYYY-MM-DD or an ISO date-time (UTC)');

/** mining/filter/types.ts Filter, checked at the edge (the compiler checks again). */
export const filter = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('timeframe'), from: when, to: when, mode: z.enum(['contained', 'intersecting', 'started', 'completed']) }),
  z.object({ kind: z.literal('attribute'), attribute: z.string().min(1).max(200), values: texts, exclude: z.boolean().optional() }),
  z.object({ kind: z.literal('activity'), activity: text, absent: z.boolean().optional() }),
  z.object({ kind: z.literal('follows'), from: text, to: text, directly: z.boolean(), absent: z.boolean().optional(), among: texts.optional() }),
  z.object({ kind: z.literal('variant'), variants: z.array(z.array(text).max(10_000)).min(1).max(1000), exclude: z.boolean().optional() }),
  z.object({ kind: z.literal('duration'), minSeconds: z.number().min(0).optional(), maxSeconds: z.number().min(0).optional() }),
  z.object({ kind: z.literal('endpoints'), start: z.array(text).max(1000).optional(), end: z.array(text).max(1000).optional(), among: texts.optional() }),
  z.object({ kind: z.literal('sla'), ruleId: text.optional(), statuses: texts }),
  z.object({ kind: z.literal('deviation'), deviation: text.optional(), activity: text.optional() }),
  z.object({ kind: z.literal('stage'), stage: z.enum(FILTER_STAGES), from: when, to: when }),
  z.object({ kind: z.literal('receivable'), at: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day YYYY-MM-DD'), buckets: z.array(z.enum(FILTER_AGING_BUCKETS)).min(1).max(5) }),
  z.object({ kind: z.literal('cases'), caseIds: z.array(text).min(1).max(10_000) }),
]);
export const filters = z.array(filter).max(50).default([]);

/** What every view takes: the log, the perspective (default: the log's main one) and the filters. */
export const viewInput = z.object({ logId, perspective: perspective.optional(), filters });
