'use client';
// The sign-in form: user name and password to auth.signIn, which sets the HttpOnly session cookie;
// then back to the page the visitor came for (`?next=`, same-origin paths only).
import { useMutation } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '../_trpc/client';
import styles from './SignIn.module.css';

/** Only a path of this site: `//evil.example` or `https://…` would send the visitor away. */
export const safeNext = (next: string | null): string => (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/');

export function SignIn() {
  const trpc = useTRPC();
  const params = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation(trpc.auth.signIn.mutationOptions({ onSuccess: () => window.location.assign(safeNext(params.get('next'))) }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ username, password });
  };

  return (
    <main className={styles.page}>
      <form className={styles.card} onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title" className={styles.title}>
          Sign in to Throughline
        </h1>
        <label className={styles.field}>
          <span>User name</span>
          <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
        </label>
        <label className={styles.field}>
          <span>Password</span>
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <p className={styles.error} role="alert" aria-live="polite" data-testid="signin-error">
          {signIn.error ? signIn.error.message : ' '}
        </p>
        <button type="submit" className={styles.submit} disabled={signIn.isPending || signIn.isSuccess}>
          {signIn.isPending || signIn.isSuccess ? 'Signing in…' : 'Sign in'}
        </button>
        <p className={styles.hint}>
          First start: <code>throughline serve</code> printed the admin&apos;s password. Scripts use an API token instead (<code>Authorization: Bearer tl_…</code>).
        </p>
      </form>
    </main>
  );
}
