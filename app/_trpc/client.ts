'use client';
// The typed tRPC hooks for client components (types only from the server).
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '../../server/router';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();
