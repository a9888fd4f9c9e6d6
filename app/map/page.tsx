// The process map of the chosen log and perspective (issue 5). The client container reads the URL.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { MapPage } from '../_map/MapPage';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Throughline · Process map' };

export default function Page() {
  return (
    <Suspense fallback={null}>
      <MapPage />
    </Suspense>
  );
}
