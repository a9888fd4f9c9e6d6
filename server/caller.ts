// Server-side calls without HTTP: tests, tools and server components go through the same routers,
// middlewares and validation as HTTP requests.
import type { Store } from '../sql';
import type { User } from './auth';
import { contextFor } from './context';
import { appRouter } from './router';
import { createCallerFactory } from './trpc';

export const createCaller = createCallerFactory(appRouter);

/** A caller on a given store as a given user (null = anonymous). */
export const callerFor = (store: Store, user: User | null) => createCaller(contextFor(store, user));
