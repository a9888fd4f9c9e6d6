// Remediation runs (issue 7): status, attempts and responses, and the approve / cancel / retry /
// override buttons each role may use.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RunsPage } from '../_runs/RunsPage';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Throughline · Runs' };

export default function Page() {
  return (
    <Suspense fallback={null}>
      <RunsPage />
    </Suspense>
  );
}
