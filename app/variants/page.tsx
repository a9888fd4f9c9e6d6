// The variants of the chosen log and perspective (issue 5). The client container reads the URL.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { VariantsPage } from '../_variants/VariantsPage';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Throughline · Variants' };

export default function Page() {
  return (
    <Suspense fallback={null}>
      <VariantsPage />
    </Suspense>
  );
}
