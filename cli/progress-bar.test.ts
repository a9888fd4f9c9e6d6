import { describe, expect, it } from 'vitest';
import { progressBar, progressLine } from './progress-bar';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream };
}

describe('the progress line', () => {
  it('shows rows, the rate from elapsed time, and the phase', () => {
    const line = progressLine({ phase: 'reading', rows: 1_500_000, elapsedMs: 3000 });
    expect(line).toContain('1,500,000 rows');
    expect(line).toContain('500,000 rows/s');
    expect(line).toContain('3.0 s');
    expect(progressLine({ phase: 'refreshing', rows: 10, elapsedMs: 0 })).toContain('updating views');
  });

  it('stays quiet for the first second and in --json mode, redraws in place on a terminal', () => {
    const tty = fakeStream(true);
    const bar = progressBar(tty.stream);
    bar.update({ phase: 'reading', rows: 5, elapsedMs: 200 });
    expect(tty.writes).toHaveLength(0);
    bar.update({ phase: 'reading', rows: 5000, elapsedMs: 1500 });
    expect(tty.writes[0]).toMatch(/^\r\[.*5,000 rows/);
    bar.finish();
    expect(tty.writes.at(-1)).toBe('\r\x1b[K');

    const quiet = fakeStream(true);
    const q = progressBar(quiet.stream, true);
    q.update({ phase: 'reading', rows: 5000, elapsedMs: 5000 });
    q.finish();
    expect(quiet.writes).toHaveLength(0);
  });

  it('writes whole lines, throttled, when stderr is not a terminal', () => {
    const log = fakeStream(false);
    const bar = progressBar(log.stream);
    bar.update({ phase: 'reading', rows: 100, elapsedMs: 2000 });
    bar.update({ phase: 'reading', rows: 200, elapsedMs: 2100 }); // within 5 s of the last line
    bar.finish();
    expect(log.writes).toHaveLength(1);
    expect(log.writes[0].endsWith('\n')).toBe(true);
  });
});
