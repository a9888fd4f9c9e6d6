// The server's store: one lazily opened singleton. Opened on the first request that needs it,
// never at import time (so `next build` and tests that never touch it open nothing).
import { Store, defaultStorePath } from '../sql';

let opening: Promise<Store> | null = null;

export function getStore(): Promise<Store> {
  opening ??= Store.open(defaultStorePath()).catch((err: unknown) => {
    opening = null; // let the next request try again (e.g. after another process let go of the file)
    throw err;
  });
  return opening;
}
