// The case table (`/cases`): any log; the selection comes from the filter bar (`f`), the table's
// own keys are `sort`, `dir` and `cols` (app/_cases/settings.ts).
import { Suspense } from 'react';
import { CasesPage } from '../_cases/CasesPage';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <Suspense fallback={null}>
      <CasesPage />
    </Suspense>
  );
}
