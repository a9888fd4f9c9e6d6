// Sign-in, sign-out, "who am I", API tokens and accounts. The session travels only in the
// tl_session cookie (HttpOnly: page scripts never see it); the answer carries the user, not the id.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import * as audit from '../../audit';
import {
  AccountError,
  checkPassword,
  createToken,
  createUser,
  listTokens,
  listUsers,
  MAX_TOKEN_DAYS,
  randomPassword,
  revokeToken,
  scopeOptions,
  userRow,
  sessionCookie,
  setPassword,
  updateUser,
  signIn,
  SignInError,
  signOut,
  tokenOwner,
} from '../accounts';
import { ROLES, type User } from '../auth';
import { accountProcedure, adminProcedure, publicProcedure, router } from '../trpc';

const ipOf = (ctx: { request?: { ip: string } }) => ctx.request?.ip ?? 'in-process';
const me = (u: User) => ({ id: u.id, roles: [...u.roles], scope: u.scope ?? null, via: u.via ?? null });
const badAccount = (err: unknown) => {
  if (err instanceof AccountError) throw new TRPCError({ code: 'BAD_REQUEST', message: err.message });
  throw err;
};

const tokensRouter = router({
  /** Your tokens (the admin: everyone's with `all`, or one user's with `userId`), never the secret. */
  list: accountProcedure.input(z.object({ all: z.boolean().optional(), userId: z.string().min(1).max(64).optional() }).optional()).query(async ({ ctx, input }) => {
    const all = input?.all === true;
    const other = input?.userId !== undefined && input.userId !== ctx.user!.id;
    if ((all || other) && !ctx.user!.roles.includes('admin')) throw new TRPCError({ code: 'FORBIDDEN', message: "Only an admin lists other users' tokens." });
    return listTokens(await ctx.store(), all ? null : (input?.userId ?? ctx.user!.id));
  }),
  /** A new token: the secret is in this answer only; keep it. `expiresInDays` null = never expires. */
  create: accountProcedure
    .input(z.object({ name: z.string().trim().min(1).max(80), expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).nullable().optional() }))
    .mutation(async ({ ctx, input }) => {
      const store = await ctx.store();
      const t = await createToken(store, ctx.user!.id, input.name, input.expiresInDays ?? null);
      await audit.append(store, {
        actor: ctx.user!.id,
        action: 'token.create',
        target: t.id,
        detail: { name: input.name, prefix: t.prefix, expiresAt: t.expiresAt, ip: ipOf(ctx) },
      });
      return t;
    }),
  revoke: accountProcedure.input(z.object({ id: z.string().min(1).max(40) })).mutation(async ({ ctx, input }) => {
    const store = await ctx.store();
    const owner = await tokenOwner(store, input.id);
    // Someone else's token answers as missing: ids are not confirmed to those who may not revoke them.
    if (!owner || (owner.userId !== ctx.user!.id && !ctx.user!.roles.includes('admin'))) {
      throw new TRPCError({ code: 'NOT_FOUND', message: `No token ${input.id} of yours.` });
    }
    if (!owner.revoked) {
      await revokeToken(store, input.id);
      await audit.append(store, { actor: ctx.user!.id, action: 'token.revoke', target: input.id, detail: { name: owner.name, owner: owner.userId, ip: ipOf(ctx) } });
    }
    return { id: input.id, revoked: true };
  }),
});

const scopeInput = z.object({ warehouses: z.array(z.string().min(1)).max(200).optional(), segments: z.array(z.string().min(1)).max(200).optional() });

const usersRouter = router({
  list: adminProcedure.query(async ({ ctx }) => listUsers(await ctx.store())),
  /** The warehouses and segments of the store's orders, to scope a process owner to. */
  scopeOptions: adminProcedure.query(async ({ ctx }) => scopeOptions(await ctx.store())),
  /**
   * A new account. Without `password` the server makes one and answers it: shown once, to hand
   * over (the store keeps only its hash).
   */
  create: adminProcedure
    .input(
      z.object({
        id: z.string().min(2).max(64),
        displayName: z.string().trim().min(1).max(120).optional(),
        roles: z.array(z.enum(ROLES)).min(1),
        scope: scopeInput.optional(),
        password: z.string().max(200).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const store = await ctx.store();
      const password = input.password ?? randomPassword();
      await createUser(store, { ...input, password }).catch(badAccount);
      await audit.append(store, {
        actor: ctx.user!.id,
        action: 'account.create',
        target: input.id,
        detail: { roles: input.roles, scope: input.scope ?? null, password: input.password === undefined ? 'generated' : 'set by admin' },
      });
      return { id: input.id, password: input.password === undefined ? password : null };
    }),
  /** Roles, scope (null = unscoped) or disabled; disabling ends the user's sessions and stops their tokens. */
  update: adminProcedure
    .input(z.object({ id: z.string().min(2).max(64), roles: z.array(z.enum(ROLES)).min(1).optional(), scope: scopeInput.nullable().optional(), disabled: z.boolean().optional() }))
    .mutation(async ({ ctx, input }) => {
      const store = await ctx.store();
      const { id, ...change } = input;
      if (id === ctx.user!.id && (change.disabled || (change.roles && !change.roles.includes('admin')))) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'An admin cannot disable themselves or take away their own admin role (ask another admin).' });
      }
      await updateUser(store, id, change).catch(badAccount);
      await audit.append(store, { actor: ctx.user!.id, action: 'account.update', target: id, detail: change });
      return { id };
    }),
  /**
   * A new password set by an admin (e.g. a forgotten one); the user's sessions end. Without
   * `password` the server makes one and answers it (once).
   */
  resetPassword: adminProcedure.input(z.object({ id: z.string().min(2).max(64), password: z.string().max(200).optional() })).mutation(async ({ ctx, input }) => {
    const store = await ctx.store();
    if (!(await userRow(store, input.id))) throw new TRPCError({ code: 'NOT_FOUND', message: `There is no user ${input.id}.` });
    const password = input.password ?? randomPassword();
    await setPassword(store, input.id, password).catch(badAccount);
    await audit.append(store, { actor: ctx.user!.id, action: 'account.password_reset', target: input.id, detail: { password: input.password === undefined ? 'generated' : 'set by admin' } });
    return { id: input.id, password: input.password === undefined ? password : null };
  }),
});

export const authRouter = router({
  signIn: publicProcedure.input(z.object({ username: z.string().max(64), password: z.string().max(200) })).mutation(async ({ ctx, input }) => {
    try {
      const r = await signIn(await ctx.store(), { ...input, ip: ipOf(ctx) });
      ctx.request?.setCookie(sessionCookie(r.session, ctx.request.secure));
      return { user: me(r.user) };
    } catch (err) {
      if (err instanceof SignInError) {
        throw new TRPCError({ code: err.kind === 'limited' ? 'TOO_MANY_REQUESTS' : 'UNAUTHORIZED', message: err.message });
      }
      throw err;
    }
  }),
  /** Ends the session of the cookie sent (if any) and removes the cookie. */
  signOut: publicProcedure.mutation(async ({ ctx }) => {
    const session = ctx.request?.session;
    const ended = session ? await signOut(await ctx.store(), session, ipOf(ctx)) : false;
    ctx.request?.setCookie(sessionCookie('', ctx.request.secure));
    return { signedOut: ended };
  }),
  /**
   * A new password for the signed-in user, given the current one (checked as a sign-in is, with
   * the same limits). Every session of the user ends, this one gets a new cookie.
   */
  changePassword: accountProcedure
    .input(z.object({ current: z.string().max(200), next: z.string().max(200) }))
    .mutation(async ({ ctx, input }) => {
      const store = await ctx.store();
      const id = ctx.user!.id;
      if (input.next === input.current) throw new TRPCError({ code: 'BAD_REQUEST', message: 'The new password must differ from the current one.' });
      try {
        await checkPassword(store, { username: id, password: input.current, ip: ipOf(ctx) });
      } catch (err) {
        if (err instanceof SignInError) throw new TRPCError({ code: err.kind === 'limited' ? 'TOO_MANY_REQUESTS' : 'BAD_REQUEST', message: err.kind === 'limited' ? err.message : 'The current password is not right.' });
        throw err;
      }
      await setPassword(store, id, input.next).catch(badAccount);
      await audit.append(store, { actor: id, action: 'account.password', target: id, detail: { ip: ipOf(ctx) } });
      const fresh = await signIn(store, { username: id, password: input.next, ip: ipOf(ctx) });
      if (ctx.request) ctx.request.setCookie(sessionCookie(fresh.session, ctx.request.secure));
      return { changed: true };
    }),
  /** The caller, or null when nobody is signed in. */
  me: publicProcedure.query(({ ctx }) => (ctx.user ? me(ctx.user) : null)),
  tokens: tokensRouter,
  users: usersRouter,
});
