// Bottlenecks and root causes (`/bottlenecks`): any log; root causes on O2C logs.
import { Suspense } from 'react';
import { Bottlenecks } from '../_bottlenecks/Bottlenecks';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <Suspense fallback={null}>
      <Bottlenecks />
    </Suspense>
  );
}
