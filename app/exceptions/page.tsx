// The exception queues (issue 5): what needs action now, each row opening its case.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ExceptionsPage } from '../_exceptions/ExceptionsPage';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Throughline · Exceptions' };

export default function Page() {
  return (
    <Suspense fallback={null}>
      <ExceptionsPage />
    </Suspense>
  );
}
