// The audit trail (admins): who did what and when, whether the hash chain is intact, and the CSV.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AuditTrail } from '../_audit/AuditTrail';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Throughline · Audit trail' };

export default function Page() {
  return (
    <Suspense fallback={null}>
      <AuditTrail />
    </Suspense>
  );
}
