// The case page (`/cases/<case id, URI-encoded>`): keeps the shell's log, perspective and filters.
import { Suspense } from 'react';
import { CasePage } from '../../_case/CasePage';

export const dynamic = 'force-dynamic';

/** The segment as the case id (Next may hand it over still encoded). */
function caseIdOf(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export default async function Page({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  return (
    <Suspense fallback={null}>
      <CasePage caseId={caseIdOf(caseId)} />
    </Suspense>
  );
}
