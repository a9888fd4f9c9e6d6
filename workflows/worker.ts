// The worker: claims due runs, calls their connector, records each outcome, retries with
// exponential backoff and jitter, dead-letters after the last attempt. Bounded (at most
// `concurrency` calls in flight) and stoppable. On start it takes over the runs a previous worker
// left `running` (stopped or crashed mid-call): they are retried with the same Idempotency-Key,
// so a call that did reach the source system is not done twice.
import { randomUUID } from 'node:crypto';
import type { Store } from '../sql';
import { callHttp, type CallResult, type ConnectorConfig, type HttpSystem } from './connectors';
import { transition, type RunState } from './states';

export interface WorkerOptions {
  id?: string;
  /** Calls in flight at most (default 16). */
  concurrency?: number;
  /** Longest sleep when nothing is due (default 1,000 ms). */
  pollMs?: number;
  /** Retry n waits min(maxMs, baseMs·2^(n−1)), jittered to 50–100 % of it (default 2 s, 10 min). */
  backoff?: { baseMs: number; maxMs: number };
  random?: () => number;
}

export interface WorkerStats {
  claimed: number;
  calls: number;
  succeeded: number;
  retried: number;
  deadLettered: number;
  resumed: number;
  transactions: number;
}

interface Claimed {
  id: string;
  connector: string;
  operation: string;
  payload: string;
  attempts: number;
  max_attempts: number;
  timeout_ms: number;
}

interface Done {
  run: Claimed;
  startedAt: Date;
  finishedAt: Date;
  result: CallResult;
  outbox: { channel: string; team: string | null; subject: string; body: string; delivered: boolean } | null;
}

/** Workers alive in this process: a new one must not take over their runs. */
const live = new Set<string>();

const ATTEMPT_KINDS = 'vivvvvvivvivv';

export function backoffMs(attempt: number, b: { baseMs: number; maxMs: number }, random: () => number): number {
  const full = Math.min(b.maxMs, b.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full / 2 + (random() * full) / 2);
}

export class WorkflowWorker {
  readonly id: string;
  readonly stats: WorkerStats = { claimed: 0, calls: 0, succeeded: 0, retried: 0, deadLettered: 0, resumed: 0, transactions: 0 };
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly backoff: { baseMs: number; maxMs: number };
  private readonly random: () => number;
  private readonly abort = new AbortController();
  private inflight = new Set<Promise<void>>();
  private pending: Done[] = [];
  private stopping = false;
  private hard = false;
  private waker: (() => void) | null = null;
  private loopDone: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly connectors: ConnectorConfig,
    opts: WorkerOptions = {},
  ) {
    this.id = opts.id ?? `worker-${randomUUID().slice(0, 8)}`;
    this.concurrency = opts.concurrency ?? 16;
    this.pollMs = opts.pollMs ?? 1000;
    this.backoff = opts.backoff ?? { baseMs: 2000, maxMs: 600_000 };
    this.random = opts.random ?? Math.random;
  }

  /** Starts the loop (once). Errors of the store end the loop; `stop()` rethrows them. */
  start(): this {
    if (!this.loopDone) {
      live.add(this.id);
      this.loopDone = this.loop().finally(() => live.delete(this.id));
    }
    return this;
  }

  /**
   * Stops the worker. Gracefully: no new claims, the calls in flight finish and are recorded.
   * `hard`: as a crash would — calls in flight are aborted and nothing more is written; their runs
   * stay `running` until the next worker takes them over.
   */
  async stop(opts: { hard?: boolean } = {}): Promise<void> {
    this.stopping = true;
    if (opts.hard) {
      this.hard = true;
      this.pending = [];
      this.abort.abort();
    }
    this.wake();
    await this.loopDone;
  }

  private wake(): void {
    this.waker?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(t);
        this.waker = null;
        resolve();
      };
      // unref: an idle worker never keeps a process alive (a CLI command that opened the store exits).
      const t = setTimeout(done, ms).unref();
      this.waker = done;
    });
  }

  private async loop(): Promise<void> {
    await this.resume();
    const minClaim = Math.max(1, Math.floor(this.concurrency / 4));
    while (!this.stopping) {
      if (this.pending.length) await this.flush();
      if (this.stopping) break;
      const free = this.concurrency - this.inflight.size;
      let claimed = 0;
      // Claim in batches (fewer transactions), but never leave the worker idle.
      if (free >= minClaim || (free > 0 && this.inflight.size === 0)) {
        const runs = await this.claim(free);
        claimed = runs.length;
        for (const r of runs) this.launch(r);
      }
      if (claimed === 0 && this.pending.length === 0 && !this.stopping) await this.sleep(await this.idleMs(free > 0));
    }
    if (!this.hard) {
      await Promise.all([...this.inflight]);
      await this.flush();
    }
  }

  /** How long to sleep: until the next run is due (a completion or stop wakes it sooner). */
  private async idleMs(couldClaim: boolean): Promise<number> {
    if (!couldClaim) return this.pollMs;
    const [row] = await this.store.query<{ next_at: Date | null }>('workflows/next-due');
    if (!row?.next_at) return this.pollMs;
    return Math.max(5, Math.min(this.pollMs, row.next_at.getTime() - Date.now()));
  }

  private async claim(limit: number): Promise<Claimed[]> {
    const runs = await this.store.transaction((tx) => tx.query<Claimed>('workflows/claim', { worker: this.id, now: new Date().toISOString(), limit }));
    this.stats.transactions++;
    this.stats.claimed += runs.length;
    return runs;
  }

  private launch(run: Claimed): void {
    const p: Promise<void> = this.execute(run).then((done) => {
      this.inflight.delete(p);
      if (!this.hard) this.pending.push(done);
      this.wake();
    });
    this.inflight.add(p);
  }

  private async execute(run: Claimed): Promise<Done> {
    const startedAt = new Date();
    this.stats.calls++;
    let result: CallResult;
    let outbox: Done['outbox'] = null;
    try {
      if (run.connector === 'notify') {
        const p = JSON.parse(run.payload) as { channel: string; team: string | null; subject: string; body: string };
        const hook = this.connectors.webhook;
        result = hook
          ? await callHttp(hook, { method: 'POST', path: '/notifications', body: run.payload, runId: run.id, timeoutMs: run.timeout_ms, signal: this.abort.signal }, 'webhook')
          : { outcome: 'ok', status: null, body: 'written to the outbox', error: null, retryable: false, durationMs: 0 };
        if (result.outcome === 'ok') outbox = { ...p, delivered: !!hook };
      } else {
        const space = run.operation.indexOf(' ');
        const method = run.operation.slice(0, space);
        const path = run.operation.slice(space + 1);
        const system = run.connector as HttpSystem;
        result = await callHttp(this.connectors.systems[system], { method, path, body: run.payload, runId: run.id, timeoutMs: run.timeout_ms, signal: this.abort.signal }, system);
      }
    } catch (err) {
      result = { outcome: 'refused', status: null, body: null, error: `cannot run: ${(err as Error).message}`, retryable: false, durationMs: 0 };
    }
    return { run, startedAt, finishedAt: new Date(), result, outbox };
  }

  private decide(d: Done): { state: RunState; next: Date | null; error: string | null } {
    const { run, result } = d;
    if (result.outcome === 'ok') return { state: transition('running', 'succeeded'), next: null, error: null };
    if (!result.retryable) return { state: transition('running', 'dead_lettered'), next: null, error: `not retryable: ${result.error}` };
    if (run.attempts >= run.max_attempts) {
      return { state: transition('running', 'dead_lettered'), next: null, error: `${result.error} (attempt ${run.attempts} of ${run.max_attempts}: dead-lettered)` };
    }
    const wait = backoffMs(run.attempts, this.backoff, this.random);
    return { state: transition('running', 'failed'), next: new Date(d.finishedAt.getTime() + wait), error: result.error };
  }

  /** Records every finished call so far in one transaction. */
  private async flush(): Promise<void> {
    if (this.hard || !this.pending.length) return;
    const batch = this.pending.splice(0);
    const batchId = randomUUID();
    const rows = batch.map((d) => {
      const v = this.decide(d);
      if (v.state === 'succeeded') this.stats.succeeded++;
      else if (v.state === 'failed') this.stats.retried++;
      else this.stats.deadLettered++;
      return [
        d.run.id, d.run.attempts, batchId, this.id, d.startedAt.toISOString(), d.finishedAt.toISOString(), d.result.outcome,
        d.result.status, d.result.body, v.error, Math.round(d.result.durationMs), v.state, v.next?.toISOString() ?? null,
      ];
    });
    await this.store.transaction(async (tx) => {
      await tx.appendTyped('workflow_attempts', ATTEMPT_KINDS, rows);
      for (const d of batch) {
        if (!d.outbox) continue;
        const at = d.finishedAt.toISOString();
        await tx.query('workflows/outbox-insert', {
          run_id: d.run.id, channel: d.outbox.channel, team: d.outbox.team, subject: d.outbox.subject, body: d.outbox.body,
          created_at: at, delivered_at: d.outbox.delivered ? at : null,
        });
      }
      await tx.query('workflows/apply-attempts', { batch: batchId });
    });
    this.stats.transactions++;
  }

  /** Takes over runs left `running` by a worker that is not alive: due again at once. */
  private async resume(): Promise<void> {
    const left = (await this.store.query<{ id: string; attempts: number; claimed_by: string | null; updated_at: Date }>('workflows/in-flight')).filter(
      (r) => !r.claimed_by || !live.has(r.claimed_by),
    );
    if (!left.length) return;
    const batchId = randomUUID();
    const now = new Date().toISOString();
    const state = transition('running', 'failed');
    const rows = left.map((r) => [
      r.id, r.attempts, batchId, this.id, r.updated_at.toISOString(), now, 'interrupted', null, null,
      `interrupted: ${r.claimed_by ?? 'a worker'} stopped during the call; retried with the same Idempotency-Key`, 0, state, now,
    ]);
    await this.store.transaction(async (tx) => {
      await tx.appendTyped('workflow_attempts', ATTEMPT_KINDS, rows);
      await tx.query('workflows/apply-attempts', { batch: batchId });
    });
    this.stats.transactions++;
    this.stats.resumed += left.length;
  }
}
