// The finance overview (`/`): O2C logs; the month comes from `period`, the filters from `f`. The
// numbers depend on the filter bar, so they are fetched in the browser.
import { Suspense } from 'react';
import { Overview } from './_overview/Overview';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <Suspense fallback={null}>
      <Overview />
    </Suspense>
  );
}
