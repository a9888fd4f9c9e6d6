// The signed-in user's own account: who they are, their password, their API tokens, sign-out.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AccountPage } from '../_account/AccountPage';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Throughline · Your account' };

export default function Page() {
  return (
    <Suspense fallback={null}>
      <AccountPage />
    </Suspense>
  );
}
