// Progress of ingests the server is running for a caller that polls it (the command line's
// progress bar). Keyed by a job id the caller chooses; entries expire so the map stays small.
import type { IngestProgress } from '../ingest/progress';

const KEEP_MS = 10 * 60 * 1000;
const MAX_JOBS = 1000;
const jobs = new Map<string, { progress: IngestProgress; at: number }>();

function sweep(now: number): void {
  for (const [id, j] of jobs) if (now - j.at > KEEP_MS) jobs.delete(id);
  while (jobs.size > MAX_JOBS) jobs.delete(jobs.keys().next().value as string);
}

export function recordProgress(jobId: string, progress: IngestProgress): void {
  const now = Date.now();
  jobs.set(jobId, { progress, at: now });
  if (jobs.size > MAX_JOBS / 2) sweep(now);
}

export function jobProgress(jobId: string): IngestProgress | null {
  return jobs.get(jobId)?.progress ?? null;
}
