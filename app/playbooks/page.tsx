// The remediation playbooks (issue 7) with their definitions: the policy every run follows.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PlaybooksPage } from '../_playbooks/PlaybooksPage';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Throughline · Playbooks' };

export default function Page() {
  return (
    <Suspense fallback={null}>
      <PlaybooksPage />
    </Suspense>
  );
}
