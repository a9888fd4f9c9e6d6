// The command line's progress display for long ingests: rows read, rate and elapsed time on one
// line of stderr. On a terminal the line redraws in place (throttled); otherwise a plain line is
// written every few seconds so logs stay readable. Nothing is shown for runs shorter than a second.
import type { IngestProgress } from '../ingest/progress';

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const WIDTH = 24;
const PHASE: Record<IngestProgress['phase'], string> = {
  reading: 'reading',
  merging: 'merging',
  refreshing: 'updating views',
  done: 'done',
};

/** A bar for work of unknown size: a block that sweeps back and forth, moving with the rows. */
function sweepBar(tick: number): string {
  const pos = tick % (2 * (WIDTH - 4));
  const at = pos < WIDTH - 4 ? pos : 2 * (WIDTH - 4) - pos;
  return `[${' '.repeat(at)}====${' '.repeat(WIDTH - 4 - at)}]`;
}

export function progressLine(p: IngestProgress, tick = 0): string {
  const secs = p.elapsedMs / 1000;
  const rate = secs > 0 ? p.rows / secs : 0;
  return `${sweepBar(tick)} ${PHASE[p.phase].padEnd(14)} ${n(p.rows).padStart(12)} rows  ${n(rate).padStart(9)} rows/s  ${secs.toFixed(1)} s`;
}

export interface ProgressBar {
  update(p: IngestProgress): void;
  /** Clears the line (terminal) so the summary prints cleanly. */
  finish(): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr, quiet = false): ProgressBar {
  const tty = !!stream.isTTY;
  const minGap = tty ? 100 : 5000;
  let last = 0;
  let tick = 0;
  let shown = false;
  return {
    update(p) {
      if (quiet || p.elapsedMs < 1000) return;
      const now = Date.now();
      if (now - last < minGap) return;
      last = now;
      tick++;
      const line = progressLine(p, tick);
      if (tty) stream.write(`\r${line}\x1b[K`);
      else stream.write(`${line}\n`);
      shown = true;
    },
    finish() {
      if (tty && shown) stream.write('\r\x1b[K');
    },
  };
}
