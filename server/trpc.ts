// tRPC setup. Every procedure is built from `procedure`, which runs three middlewares:
// `mapErrors` (domain errors → tRPC errors, errors.ts), `authorize`, the ONE place that checks
// the caller against the permission the procedure declares in its meta (a procedure without a
// declared permission is refused, so forgetting one fails closed), and `ownerScope`, the ONE place
// that narrows a scoped process owner to their warehouses and segments (owner-scope.ts).
import { initTRPC, TRPCError } from '@trpc/server';
import type { Store } from '../sql';
import { can, rolesOf, scopeFilters, type Permission, type User } from './auth';
import { toTRPCError } from './errors';
import { narrowForOwner } from './owner-scope';

export interface Context {
  /** The store, opened on first use (server/store.ts in the app, a temp store in tests). */
  store: () => Promise<Store>;
  /** The signed-in caller (roles, and `scope` for a scoped process owner); null = anonymous. */
  user: User | null;
  /** HTTP requests only: what sign-in and sign-out need (absent for in-process callers). */
  request?: RequestMeta;
}

export interface RequestMeta {
  /** The client's address (rate limits, audit). */
  ip: string;
  /** Whether cookies must be Secure (https, or THROUGHLINE_SECURE_COOKIES=1). */
  secure: boolean;
  /** The session cookie's value as sent (sign-out deletes it). */
  session: string | null;
  setCookie: (cookie: string) => void;
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
      message: ctx.user
        ? `${path} needs the permission "${permission}"; user ${ctx.user.id} has the role(s) ${rolesOf(ctx.user).join(', ') || 'none'}.`
        : `${path} needs a signed-in user: sign in at /signin, or send an API token (Authorization: Bearer tl_…).`,
    });
  }
  return next();
});

// Runs before the procedure parses its input (middlewares added by `.use` here precede `.input`),
// so it rewrites the raw input: the procedure's schema then checks the narrowed input like any other.
const ownerScope = t.middleware(async ({ ctx, meta, path, getRawInput, next }) => {
  const scope = scopeFilters(ctx.user);
  if (scope.length === 0) return next();
  const narrowed = await narrowForOwner({ store: ctx.store, path, permission: meta?.permission, raw: await getRawInput(), scope });
  return next({ getRawInput: async () => narrowed });
});

/** The base of every procedure. Declare what it needs: `procedure.meta({ permission: 'read' })`. */
export const procedure = t.procedure.use(mapErrors).use(authorize).use(ownerScope);
export const readProcedure = procedure.meta({ permission: 'read' });
export const ingestProcedure = procedure.meta({ permission: 'ingest' });
export const financeProcedure = procedure.meta({ permission: 'finance' });
export const adminProcedure = procedure.meta({ permission: 'admin' });
/** Anyone, signed in or not: sign-in and "who am I" only. */
export const publicProcedure = procedure.meta({ permission: 'public' });
/** Any signed-in user, whatever the role. */
export const accountProcedure = procedure.meta({ permission: 'account' });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
