'use client';
// One account opened for changes: roles and scope (saved together), disable / enable, a password
// reset (made by the server and shown once, or set by the admin), and the user's API tokens with
// Revoke. The server's refusals (the last admin, an admin locking themselves out) are shown as given.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { OnceSecret } from '../../components/OnceSecret';
import { Panel } from '../../components/Panel';
import { RolePicker } from '../../components/RolePicker';
import { ScopePicker, type ScopePickerProps } from '../../components/ScopePicker';
import { ErrorState, Placeholder } from '../../components/States';
import { TokenList } from '../../components/TokenList';
import type { UserRowData } from '../../components/UserTable';
import { messageOf } from '../_shared/url-state';
import { useTRPC } from '../_trpc/client';
import { choiceOf, scopeForApi } from './scope-input';
import styles from './Users.module.css';

type Role = 'admin' | 'finance_leader' | 'process_owner' | 'analyst';

export interface UserDetailProps {
  user: UserRowData;
  me: string;
  scopeOptions: ScopePickerProps['options'];
  onClose: () => void;
}

export function UserDetail({ user, me, scopeOptions, onClose }: UserDetailProps) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [roles, setRoles] = useState<string[]>([...user.roles]);
  const [scope, setScope] = useState(choiceOf(user.scope));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [resetMode, setResetMode] = useState<'generate' | 'set'>('generate');
  const [newPassword, setNewPassword] = useState('');
  const [shown, setShown] = useState<string | null>(null);

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: trpc.auth.users.list.queryKey() });
    void qc.invalidateQueries({ queryKey: trpc.auth.tokens.list.queryKey() });
  };
  const failed = (what: string) => (err: { message: string }) => setMessage({ ok: false, text: `${what}: ${err.message}` });
  const update = useMutation(trpc.auth.users.update.mutationOptions({ onSuccess: refresh }));
  const reset = useMutation(
    trpc.auth.users.resetPassword.mutationOptions({
      onSuccess: (r) => {
        setShown(r.password);
        setNewPassword('');
        setMessage(r.password ? null : { ok: true, text: `The password of ${user.id} is the one you set; their sessions ended.` });
      },
      onError: failed('Could not reset the password'),
    }),
  );
  const tokensQ = useQuery(trpc.auth.tokens.list.queryOptions({ userId: user.id }));
  const revoke = useMutation(trpc.auth.tokens.revoke.mutationOptions({ onSuccess: refresh, onError: failed('Could not revoke the token') }));

  const save = () => {
    setMessage(null);
    update.mutate(
      { id: user.id, roles: roles as Role[], scope: scopeForApi(roles, scope) },
      { onSuccess: () => setMessage({ ok: true, text: 'Roles and scope saved.' }), onError: failed('Could not save') },
    );
  };
  const setDisabled = (disabled: boolean) => {
    setMessage(null);
    update.mutate(
      { id: user.id, disabled },
      {
        onSuccess: () => setMessage({ ok: true, text: disabled ? `${user.id} is disabled: their sessions ended and their tokens stopped.` : `${user.id} can sign in again.` }),
        onError: failed(disabled ? 'Could not disable' : 'Could not enable'),
      },
    );
  };
  const changed = roles.join() !== user.roles.join() || JSON.stringify(scopeForApi(roles, scope)) !== JSON.stringify(scopeForApi(user.roles, choiceOf(user.scope)));

  return (
    <Panel
      title={`${user.id}${user.id === me ? ' (you)' : ''}`}
      subtitle={user.displayName !== user.id ? user.displayName : undefined}
      actions={
        <button type="button" className={styles.linkLike} onClick={onClose} aria-label={`Close ${user.id}`}>
          Close
        </button>
      }
      testId="user-detail"
    >
      <div className={styles.section}>
        {message && (
          <p className={message.ok ? styles.ok : styles.error} role={message.ok ? 'status' : 'alert'} data-testid="user-message">
            {message.text}
          </p>
        )}
        <RolePicker value={roles} onChange={setRoles} idPrefix="edit" />
        {roles.includes('process_owner') && <ScopePicker options={scopeOptions} value={scope} onChange={setScope} idPrefix="edit-scope" />}
        <div className={styles.buttons}>
          <button type="button" className={styles.primary} onClick={save} disabled={!changed || roles.length === 0 || update.isPending} data-testid="user-save">
            Save roles and scope
          </button>
          {user.disabled ? (
            <button type="button" className={styles.linkLike} onClick={() => setDisabled(false)} disabled={update.isPending} data-testid="user-enable">
              Enable account
            </button>
          ) : (
            <button type="button" className={`${styles.linkLike} ${styles.danger}`} onClick={() => setDisabled(true)} disabled={update.isPending} data-testid="user-disable">
              Disable account
            </button>
          )}
        </div>

        <h3>Password</h3>
        {shown ? (
          <OnceSecret title={`New password of ${user.id} (their sessions ended):`} secret={shown} testId="reset-password" onDismiss={() => setShown(null)} />
        ) : (
          <div className={styles.radios} role="group" aria-label="Reset the password">
            <label>
              <input type="radio" name="reset-mode" checked={resetMode === 'generate'} onChange={() => setResetMode('generate')} /> Make a new one (shown once)
            </label>
            <label>
              <input type="radio" name="reset-mode" checked={resetMode === 'set'} onChange={() => setResetMode('set')} /> Set one
            </label>
            {resetMode === 'set' && (
              <input
                className={styles.inlineInput}
                type="password"
                value={newPassword}
                onChange={(e) => setNewPassword(e.target.value)}
                autoComplete="new-password"
                placeholder="at least 12 characters"
                aria-label={`New password for ${user.id}`}
              />
            )}
            <button
              type="button"
              className={styles.linkLike}
              disabled={reset.isPending || (resetMode === 'set' && !newPassword)}
              onClick={() => reset.mutate(resetMode === 'set' ? { id: user.id, password: newPassword } : { id: user.id })}
              data-testid="user-reset-password"
            >
              Reset password
            </button>
          </div>
        )}

        <h3>API tokens</h3>
        {tokensQ.error ? (
          <ErrorState what={`the tokens of ${user.id}`} message={messageOf(tokensQ.error)} onRetry={() => void tokensQ.refetch()} />
        ) : !tokensQ.data ? (
          <Placeholder height={80} label="Loading the tokens" />
        ) : (
          <TokenList
            tokens={tokensQ.data}
            onRevoke={(t) => revoke.mutate({ id: t.id })}
            revoking={revoke.isPending ? (revoke.variables?.id ?? null) : null}
            empty={`${user.id} has no API tokens.`}
            testId="user-tokens"
          />
        )}
      </div>
    </Panel>
  );
}
