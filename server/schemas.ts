// Input schemas shared by the routers.
import { z } from 'zod';

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
