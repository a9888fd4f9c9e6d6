// One engine (and at most one worker) per store in this process: what the server uses. The worker
// starts when the server that owns the store starts it (`startWorkflowWorker`), never at import
// time; it stops with the store (hard: its in-flight runs are taken over by the next start, with
// the same Idempotency-Key).
import type { Store } from '../sql';
import { connectorConfigFromEnv, type ConnectorConfig } from './connectors';
import { WorkflowEngine } from './engine';
import { loadPlaybooks } from './playbook';
import { WorkflowWorker, type WorkerOptions } from './worker';

interface Service {
  engine: WorkflowEngine;
  worker: WorkflowWorker | null;
}

const services = new WeakMap<Store, Service>();
const EXPIRY_SWEEP_MS = 60_000;

function serviceOf(store: Store): Service {
  let s = services.get(store);
  if (!s) {
    s = { engine: new WorkflowEngine(store, loadPlaybooks()), worker: null };
    services.set(store, s);
    store.onClose(() => {
      const w = services.get(store)?.worker;
      if (w) void w.stop({ hard: true }).catch(() => undefined); // the store is going away: nothing left to record
      services.delete(store);
    });
  }
  return s;
}

/** The store's engine (playbooks read from policies/playbooks once per store and process). */
export function workflowEngine(store: Store): WorkflowEngine {
  return serviceOf(store).engine;
}

/** Starts the store's worker once (connectors from THROUGHLINE_<SYSTEM>_* unless given). */
export function startWorkflowWorker(store: Store, opts: WorkerOptions & { connectors?: ConnectorConfig } = {}): WorkflowWorker {
  const s = serviceOf(store);
  if (!s.worker) {
    s.worker = new WorkflowWorker(store, opts.connectors ?? connectorConfigFromEnv(), opts).start();
    // Approvals nobody gave in time are cancelled (the run says why); unref: never keeps a process alive.
    const sweep = setInterval(() => void s.engine.expireApprovals().catch((err: unknown) => console.error('workflows: approval expiry failed:', err)), EXPIRY_SWEEP_MS).unref();
    store.onClose(() => clearInterval(sweep));
  }
  return s.worker;
}
