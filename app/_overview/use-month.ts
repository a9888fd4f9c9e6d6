'use client';
// The overview's month: from the URL key `period`, checked against the months the log covers.
import { skipToken, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import { useTRPC } from '../_trpc/client';
import { writeSearch } from '../_shared/url-state';
import { resolveMonth } from './inputs';

export function useMonth(logId: string | null) {
  const trpc = useTRPC();
  const search = useSearchParams();
  const rangeQ = useQuery(trpc.logs.dataRange.queryOptions(logId ? { logId } : skipToken, { staleTime: 60_000 }));
  const inputs = rangeQ.data ? resolveMonth(rangeQ.data, search.get('period')) : null;
  const setMonth = useCallback((id: string) => writeSearch({ period: id }, 'push'), []);
  return { rangeQ, inputs, setMonth };
}
