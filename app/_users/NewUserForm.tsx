'use client';
// A new account: user name, display name, roles, a process owner's scope (from the store's real
// warehouses and segments), and a password the server makes (shown once) or the admin sets.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { OnceSecret } from '../../components/OnceSecret';
import { RolePicker } from '../../components/RolePicker';
import { ScopePicker, type ScopePickerProps } from '../../components/ScopePicker';
import { useTRPC } from '../_trpc/client';
import { scopeForApi } from './scope-input';
import styles from './Users.module.css';

export interface NewUserFormProps {
  scopeOptions: ScopePickerProps['options'];
  onCreated: (id: string) => void;
  onClose: () => void;
}

export function NewUserForm({ scopeOptions, onCreated, onClose }: NewUserFormProps) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [id, setId] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<string[]>(['analyst']);
  const [scope, setScope] = useState({ warehouses: [] as string[], segments: [] as string[] });
  const [mode, setMode] = useState<'generate' | 'set'>('generate');
  const [password, setPassword] = useState('');
  const [made, setMade] = useState<{ id: string; password: string | null } | null>(null);

  const create = useMutation(
    trpc.auth.users.create.mutationOptions({
      onSuccess: (r) => {
        setMade(r);
        void qc.invalidateQueries({ queryKey: trpc.auth.users.list.queryKey() });
        onCreated(r.id);
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const s = scopeForApi(roles, scope);
    create.mutate({
      id: id.trim().toLowerCase(),
      displayName: displayName.trim() || undefined,
      roles: roles as ('admin' | 'finance_leader' | 'process_owner' | 'analyst')[],
      ...(s ? { scope: s } : {}),
      ...(mode === 'set' ? { password } : {}),
    });
  };

  if (made) {
    return (
      <div className={styles.form} data-testid="user-created">
        {made.password ? (
          <OnceSecret title={`${made.id} was created. Give them this password:`} secret={made.password} testId="new-password" onDismiss={onClose}>
            <p>They sign in at /signin as “{made.id}” and can change it on their account page.</p>
          </OnceSecret>
        ) : (
          <p className={styles.ok} role="status">
            {made.id} was created with the password you set.{' '}
            <button type="button" className={styles.primary} onClick={onClose}>
              Done
            </button>
          </p>
        )}
      </div>
    );
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-label="New user" data-testid="new-user-form">
      <div className={styles.fields}>
        <label className={styles.field}>
          User name (for sign-in)
          <input value={id} onChange={(e) => setId(e.target.value)} required minLength={2} maxLength={64} autoComplete="off" data-testid="new-user-id" />
        </label>
        <label className={styles.field}>
          Display name (optional)
          <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={120} autoComplete="off" />
        </label>
      </div>
      <RolePicker value={roles} onChange={setRoles} idPrefix="new" />
      {roles.includes('process_owner') && <ScopePicker options={scopeOptions} value={scope} onChange={setScope} idPrefix="new-scope" />}
      <div className={styles.radios} role="radiogroup" aria-label="Initial password">
        <label>
          <input type="radio" name="pw-mode" checked={mode === 'generate'} onChange={() => setMode('generate')} /> Make a password (shown once)
        </label>
        <label>
          <input type="radio" name="pw-mode" checked={mode === 'set'} onChange={() => setMode('set')} data-testid="new-password-set" /> Set one
        </label>
        {mode === 'set' && (
          <label className={styles.field}>
            <span className={styles.srOnlyLabel}>Initial password</span>
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" placeholder="at least 12 characters" aria-label="Initial password" />
          </label>
        )}
      </div>
      {create.error && (
        <p className={styles.error} role="alert" data-testid="new-user-error">
          Could not create the account: {create.error.message}
        </p>
      )}
      <div className={styles.buttons}>
        <button type="submit" className={styles.primary} disabled={create.isPending || roles.length === 0 || !id.trim()} data-testid="new-user-submit">
          {create.isPending ? 'Creating…' : 'Create account'}
        </button>
        <button type="button" className={styles.linkLike} onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
