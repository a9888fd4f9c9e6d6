// The sign-in page: the only page an anonymous visitor reaches (proxy.ts sends the others here).
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SignIn } from '../_signin/SignIn';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Throughline · Sign in' };

export default function Page() {
  return (
    <Suspense fallback={null}>
      <SignIn />
    </Suspense>
  );
}
