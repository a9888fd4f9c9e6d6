'use client';
// /account (anyone signed in): who you are, your roles and scope, changing your password (the
// server checks the current one and the rules), your API tokens (made with a name and a lifetime,
// the secret shown once with how to use it, revoked here) and sign-out.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { roleText, scopeText, TOKEN_LIFETIMES } from '../../components/account-format';
import { OnceSecret } from '../../components/OnceSecret';
import { Panel } from '../../components/Panel';
import { ErrorState, Placeholder } from '../../components/States';
import { TokenList } from '../../components/TokenList';
import { AppHeader, useMe } from '../_shared/AppHeader';
import { messageOf } from '../_shared/url-state';
import { useTRPC } from '../_trpc/client';
import styles from '../_users/Users.module.css';

const VIA: Record<string, string> = { session: 'a password sign-in (this browser)', token: 'an API token', 'admin-token': "the server's admin token", local: 'in-process' };

export function AccountPage() {
  const meQ = useMe();
  const me = meQ.data;
  return (
    <>
      <AppHeader asOf={undefined} logName="Your account" active="account" />
      <main className={styles.page}>
        <div className={styles.titleRow}>
          <div>
            <h1 className={styles.title}>Your account</h1>
            <p className={styles.subtitle}>Your roles, your password and the API tokens your scripts use.</p>
          </div>
          {me && <SignOut />}
        </div>
        {meQ.isPending ? (
          <Placeholder height={420} label="Loading your account" />
        ) : meQ.error ? (
          <ErrorState what="your account" message={messageOf(meQ.error)} onRetry={() => void meQ.refetch()} />
        ) : !me ? (
          <p className={styles.notice} role="status">
            You are not signed in. <a href="/signin?next=%2Faccount">Sign in</a> to see your account.
          </p>
        ) : (
          <div className={styles.stack}>
            <Panel title="Who you are" testId="whoami">
              <dl className={styles.facts}>
                <dt>User</dt>
                <dd data-testid="whoami-id">{me.id}</dd>
                <dt>Roles</dt>
                <dd data-testid="whoami-roles">{roleText(me.roles)}</dd>
                {me.roles.includes('process_owner') && (
                  <>
                    <dt>Owner scope</dt>
                    <dd data-testid="whoami-scope">{scopeText(me.scope)}</dd>
                  </>
                )}
                <dt>Signed in with</dt>
                <dd>{me.via ? (VIA[me.via] ?? me.via) : 'unknown'}</dd>
              </dl>
            </Panel>
            {me.via === 'session' && <ChangePassword />}
            <Tokens />
          </div>
        )}
      </main>
    </>
  );
}

function SignOut() {
  const trpc = useTRPC();
  const signOut = useMutation(trpc.auth.signOut.mutationOptions({ onSettled: () => window.location.assign('/signin') }));
  return (
    <button type="button" className={styles.linkLike} onClick={() => signOut.mutate()} disabled={signOut.isPending} data-testid="account-sign-out">
      Sign out
    </button>
  );
}

function ChangePassword() {
  const trpc = useTRPC();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        setCurrent('');
        setNext('');
        setAgain('');
      },
    }),
  );
  const mismatch = again.length > 0 && next !== again;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!mismatch) change.mutate({ current, next });
  };
  return (
    <Panel title="Change your password" subtitle="At least 12 characters, not your user name. Your other sessions end; this one stays signed in.">
      <form className={styles.form} onSubmit={submit} aria-label="Change your password">
        <div className={styles.fields}>
          <label className={styles.field}>
            Current password
            <input type="password" value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" required data-testid="pw-current" />
          </label>
          <label className={styles.field}>
            New password
            <input type="password" value={next} onChange={(e) => setNext(e.target.value)} autoComplete="new-password" required data-testid="pw-next" />
          </label>
          <label className={styles.field}>
            New password again
            <input type="password" value={again} onChange={(e) => setAgain(e.target.value)} autoComplete="new-password" required aria-invalid={mismatch} data-testid="pw-again" />
          </label>
        </div>
        {mismatch && (
          <p className={styles.error} role="alert">
            The two new passwords differ.
          </p>
        )}
        {change.error && (
          <p className={styles.error} role="alert" data-testid="pw-error">
            The password was not changed: {change.error.message}
          </p>
        )}
        {change.isSuccess && (
          <p className={styles.ok} role="status" data-testid="pw-changed">
            Your password was changed; your other sessions ended.
          </p>
        )}
        <div className={styles.buttons}>
          <button type="submit" className={styles.primary} disabled={change.isPending || !current || !next || next !== again} data-testid="pw-submit">
            {change.isPending ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </Panel>
  );
}

function Tokens() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [made, setMade] = useState<{ token: string; name: string } | null>(null);
  const [origin, setOrigin] = useState('http://127.0.0.1:3000');
  useEffect(() => setOrigin(window.location.origin), []);
  const tokensQ = useQuery(trpc.auth.tokens.list.queryOptions());
  const refresh = () => void qc.invalidateQueries({ queryKey: trpc.auth.tokens.list.queryKey() });
  const create = useMutation(
    trpc.auth.tokens.create.mutationOptions({
      onSuccess: (t, input) => {
        setMade({ token: t.token, name: input.name });
        setName('');
        refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.auth.tokens.revoke.mutationOptions({ onSuccess: refresh }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim(), expiresInDays: days === 'never' ? null : Number(days) });
  };
  return (
    <Panel title="API tokens" subtitle="For scripts and the command line: each acts as you, with your roles, until it expires or you revoke it.">
      <div className={styles.section}>
        {made ? (
          <OnceSecret title={`Your new token “${made.name}”:`} secret={made.token} testId="new-token" onDismiss={() => setMade(null)}>
            <p>Send it as a bearer token, for example:</p>
            <pre className={styles.usage} data-testid="token-usage">{`curl -H "Authorization: Bearer ${made.token}" \\\n  "${origin}/api/trpc/logs.list"`}</pre>
          </OnceSecret>
        ) : (
          <form className={styles.buttons} onSubmit={submit} aria-label="New API token">
            <label className={styles.field}>
              Name
              <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} placeholder="e.g. nightly export" required data-testid="token-name" />
            </label>
            <label className={styles.field}>
              Expires after
              <select value={days} onChange={(e) => setDays(e.target.value)} data-testid="token-expiry">
                {TOKEN_LIFETIMES.map((l) => (
                  <option key={l.label} value={l.days === null ? 'never' : String(l.days)}>
                    {l.label}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className={styles.primary} disabled={create.isPending || !name.trim()} data-testid="token-create">
              {create.isPending ? 'Creating…' : 'Create token'}
            </button>
          </form>
        )}
        {create.error && (
          <p className={styles.error} role="alert">
            Could not create the token: {create.error.message}
          </p>
        )}
        {revoke.error && (
          <p className={styles.error} role="alert">
            Could not revoke the token: {revoke.error.message}
          </p>
        )}
        {tokensQ.error ? (
          <ErrorState what="your tokens" message={messageOf(tokensQ.error)} onRetry={() => void tokensQ.refetch()} />
        ) : !tokensQ.data ? (
          <Placeholder height={80} label="Loading your tokens" />
        ) : (
          <TokenList
            tokens={tokensQ.data}
            onRevoke={(t) => revoke.mutate({ id: t.id })}
            revoking={revoke.isPending ? (revoke.variables?.id ?? null) : null}
            empty="You have no API tokens. Make one above for a script or the command line."
            testId="my-tokens"
          />
        )}
      </div>
    </Panel>
  );
}
