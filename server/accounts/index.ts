// Sign-in, sessions, API tokens and accounts (issue 7). The router (server/routers/auth.ts) and the
// request context (server/context.ts) use this facade; the CLI's `serve` uses the bootstrap.
export { signIn, signOut, checkPassword, SignInError, type SignInAttempt } from './signin';
export { userFromHeaders, clientIp } from './resolve';
export { sessionCookie, wantsSecureCookies, SESSION_TTL_SECONDS } from './sessions';
export { createToken, listTokens, revokeToken, tokenOwner, TOKEN_PREFIX, MAX_TOKEN_DAYS, type TokenSummary } from './tokens';
export { createUser, setPassword, updateUser, listUsers, countUsers, userRow, passwordProblem, AccountError, MIN_PASSWORD, type NewUser, type AccountSummary } from './users';
export { randomPassword } from './passwords';
export { scopeOptions, type ScopeOptions } from './scope-options';
export { ensureFirstAdmin, ensureDemoUsers, DEMO_USERS } from './bootstrap';
export { hashPassword, verifyPassword } from './passwords';
export { FailureLimiter, signinLimiter } from './rate-limit';
