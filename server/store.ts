// The server's store: one lazily opened singleton. Opened on the first request that needs it,
// never at import time (so `next build` and tests that never touch it open nothing).
import { Store, defaultStorePath } from '../sql';
import { auditPolicyChangesSafely, startWorkflowWorker } from '../workflows';

let opening: Promise<Store> | null = null;

export function getStore(): Promise<Store> {
  opening ??= Store.open(defaultStorePath()).then(
    async (store) => {
      startWorker(store);
      // The first policy check finishes before the store is handed out, so no request (and no
      // test counting audit entries) runs beside it and no close can land in the middle of it.
      await auditPolicyChangesSafely(store);
      return store;
    },
    (err: unknown) => {
      opening = null; // let the next request try again (e.g. after another process let go of the file)
      throw err;
    },
  );
  return opening;
}

/**
 * The process that owns the store runs its remediation worker (workflows/): it resumes runs a
 * previous server left in flight. THROUGHLINE_WORKFLOW_WORKER=0 turns it off; a connector
 * configured without its secret is reported and the worker stays off (runs wait, none is lost).
 */
function startWorker(store: Store): void {
  if (store.readOnly || process.env.THROUGHLINE_WORKFLOW_WORKER === '0') return;
  try {
    startWorkflowWorker(store);
  } catch (err) {
    console.error(`workflows: worker not started: ${err instanceof Error ? err.message : String(err)}`);
  }
}
