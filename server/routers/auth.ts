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
  revokeToken,
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
  /** Your tokens (the admin: everyone's with `all`), never the secret. */
  list: accountProcedure.input(z.object({ all: z.boolean().optional() }).optional()).query(async ({ ctx, input }) => {
    const all = input?.all === true;
    if (all && !ctx.user!.roles.includes('admin')) throw new TRPCError({ code: 'FORBIDDEN', message: "Only an admin lists everyone's tokens." });
    return listTokens(await ctx.store(), all ? null : ctx.user!.id);
  }),
  /** A new token: the secret is in this answer only; keep it. */
  create: accountProcedure.input(z.object({ name: z.string().trim().min(1).max(80) })).mutation(async ({ ctx, input }) => {
    const store = await ctx.store();
    const t = await createToken(store, ctx.user!.id, input.name);
    await audit.append(store, { actor: ctx.user!.id, action: 'token.create', target: t.id, detail: { name: input.name, prefix: t.prefix, ip: ipOf(ctx) } });
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
  create: adminProcedure
    .input(
      z.object({
        id: z.string().min(2).max(64),
        displayName: z.string().trim().min(1).max(120).optional(),
        roles: z.array(z.enum(ROLES)).min(1),
        scope: scopeInput.optional(),
        password: z.string().max(200),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const store = await ctx.store();
      await createUser(store, input).catch(badAccount);
      await audit.append(store, { actor: ctx.user!.id, action: 'account.create', target: input.id, detail: { roles: input.roles, scope: input.scope ?? null } });
      return { id: input.id };
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
  /** A new password set by an admin (e.g. a forgotten one); the user's sessions end. */
  resetPassword: adminProcedure.input(z.object({ id: z.string().min(2).max(64), password: z.string().max(200) })).mutation(async ({ ctx, input }) => {
    const store = await ctx.store();
    if (!(await listUsers(store)).some((u) => u.id === input.id)) throw new TRPCError({ code: 'NOT_FOUND', message: `There is no user ${input.id}.` });
    await setPassword(store, input.id, input.password).catch(badAccount);
    await audit.append(store, { actor: ctx.user!.id, action: 'account.password_reset', target: input.id, detail: {} });
    return { id: input.id };
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
