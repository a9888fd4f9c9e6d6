// Sign-in and sign-out: the password checked against its scrypt hash, failures limited per account
// and per client address, every attempt written to the audit trail. Error messages never repeat
// what was typed as the password.
import * as audit from '../../audit';
import type { Store } from '../../sql';
import { decoyHash, verifyPassword } from './passwords';
import { signinLimiter, type FailureLimiter } from './rate-limit';
import { createSession, deleteSession } from './sessions';
import { markSignedIn, toUser, userRow } from './users';
import type { User } from '../auth';

export class SignInError extends Error {
  constructor(
    message: string,
    readonly kind: 'invalid' | 'limited',
    readonly retryAfterSeconds = 0,
  ) {
    super(message);
  }
}

export interface SignInAttempt {
  username: string;
  password: string;
  /** The client's address (for the per-address limit and the audit entry). */
  ip: string;
}

const wait = (ms: number) => `${Math.max(1, Math.ceil(ms / 60_000))} minute${ms > 60_000 ? 's' : ''}`;

/**
 * Checks a user name and password under the failure limits, writing failures to the audit trail;
 * answers the account's user. Throws SignInError (the message never repeats the password).
 */
export async function checkPassword(store: Store, a: SignInAttempt, limiter: FailureLimiter = signinLimiter): Promise<User> {
  const username = a.username.trim().toLowerCase();
  const keys = [`user:${username}`, `ip:${a.ip}`];
  const waitMs = Math.max(...keys.map((k) => limiter.retryAfterMs(k)));
  if (waitMs > 0) {
    await audit.append(store, { actor: username || 'anonymous', action: 'auth.signin_limited', target: username, detail: { ip: a.ip } });
    throw new SignInError(`Too many failed sign-ins for this account or from this address. Try again in ${wait(waitMs)}.`, 'limited', Math.ceil(waitMs / 1000));
  }
  const row = await userRow(store, username);
  // An unknown name costs the same time as a wrong password (no user enumeration by timing).
  const ok = (await verifyPassword(a.password, row?.password_hash ?? (await decoyHash()))) && !!row && !row.disabled;
  if (!ok || !row) {
    for (const k of keys) limiter.fail(k);
    await audit.append(store, { actor: username || 'anonymous', action: 'auth.signin_failed', target: username, detail: { ip: a.ip } });
    throw new SignInError('The user name or password is not right.', 'invalid');
  }
  limiter.clear(keys[0]);
  return toUser(row, 'session');
}

export async function signIn(store: Store, a: SignInAttempt, limiter: FailureLimiter = signinLimiter): Promise<{ user: User; session: string }> {
  const user = await checkPassword(store, a, limiter);
  const session = await createSession(store, user.id);
  await markSignedIn(store, user.id);
  await audit.append(store, { actor: user.id, action: 'auth.signin', target: user.id, detail: { ip: a.ip } });
  return { user, session };
}

export async function signOut(store: Store, session: string, ip: string): Promise<boolean> {
  const userId = await deleteSession(store, session);
  if (userId) await audit.append(store, { actor: userId, action: 'auth.signout', target: userId, detail: { ip } });
  return userId !== null;
}
