// tRPC setup. Every procedure is built from `procedure`, which runs two middlewares:
// `mapErrors` (domain errors → tRPC errors, errors.ts) and `authorize`, the ONE place that checks
// the caller against the permission the procedure declares in its meta. A procedure without a
// declared permission is refused, so forgetting one fails closed.
import { initTRPC, TRPCError } from '@trpc/server';
import type { Store } from '../sql';
import { can, rolesOf, type Permission, type User } from './auth';
import { toTRPCError } from './errors';

export interface Context {
  /** The store, opened on first use (server/store.ts in the app, a temp store in tests). */
  store: () => Promise<Store>;
  /** Null = anonymous (a viewer until sign-in exists). */
  user: User | null;
}

export interface Meta {
  permission: Permission;
}

const t = initTRPC.context<Context>().meta<Meta>().create();

const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  // tRPC wraps anything that is not a TRPCError as INTERNAL_SERVER_ERROR with the original as cause.
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR' && result.error.cause) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

const authorize = t.middleware(({ ctx, meta, path, next }) => {
  const permission = meta?.permission;
  if (!permission) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `The procedure ${path} declares no permission; refused.` });
  }
  if (!can(ctx.user, permission)) {
    throw new TRPCError({
      code: ctx.user ? 'FORBIDDEN' : 'UNAUTHORIZED',
      message: `${path} needs the permission "${permission}"; ${ctx.user ? `user ${ctx.user.id}` : 'an anonymous caller'} has the role(s) ${rolesOf(ctx.user).join(', ')}.`,
    });
  }
  return next();
});

/** The base of every procedure. Declare what it needs: `procedure.meta({ permission: 'read' })`. */
export const procedure = t.procedure.use(mapErrors).use(authorize);
export const readProcedure = procedure.meta({ permission: 'read' });
export const ingestProcedure = procedure.meta({ permission: 'ingest' });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
