'use client';
// /users (admins): the accounts table, a new-user form, and the chosen account's roles, scope,
// status, password reset and tokens. Every change is a tRPC call the server checks and audits;
// the page shows the server's refusal as given (e.g. the last admin). URL key: `u` (the account
// open for changes).
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { roleText } from '../../components/account-format';
import { Panel } from '../../components/Panel';
import { ErrorState, Placeholder } from '../../components/States';
import { UserTable } from '../../components/UserTable';
import { AppHeader, useMe } from '../_shared/AppHeader';
import { messageOf, writeSearch } from '../_shared/url-state';
import { useTRPC } from '../_trpc/client';
import { NewUserForm } from './NewUserForm';
import { UserDetail } from './UserDetail';
import styles from './Users.module.css';

export function UsersPage() {
  const meQ = useMe();
  const me = meQ.data;
  let body;
  if (meQ.isPending) body = <Placeholder height={420} label="Checking your role" />;
  else if (meQ.error) body = <ErrorState what="your account" message={messageOf(meQ.error)} onRetry={() => void meQ.refetch()} />;
  else if (!me || !me.roles.includes('admin')) {
    body = (
      <p className={styles.notice} role="status" data-testid="needs-admin">
        Managing users needs the admin role. You are signed in as <strong>{me?.id ?? 'nobody'}</strong>
        {me ? ` (${roleText(me.roles)})` : ''}: ask an admin to change an account, or see <a href="/account">your own account</a> for your password and API tokens.
      </p>
    );
  } else body = <Admin me={me.id} />;
  return (
    <>
      <AppHeader asOf={undefined} logName="Users" active="users" />
      <main className={styles.page}>
        <div className={styles.titleRow}>
          <div>
            <h1 className={styles.title}>Users</h1>
            <p className={styles.subtitle}>Accounts, their roles and owner scope, passwords and API tokens. Every change goes to the audit trail.</p>
          </div>
        </div>
        {body}
      </main>
    </>
  );
}

function Admin({ me }: { me: string }) {
  const trpc = useTRPC();
  const selected = useSearchParams().get('u');
  const [creating, setCreating] = useState(false);
  const listQ = useQuery(trpc.auth.users.list.queryOptions());
  const scopeQ = useQuery(trpc.auth.users.scopeOptions.queryOptions(undefined, { staleTime: 300_000 }));
  const select = (id: string | null) => writeSearch({ u: id }, 'push');
  const user = listQ.data?.find((u) => u.id === selected) ?? null;

  return (
    <div className={styles.stack}>
      <Panel
        title="Accounts"
        subtitle={listQ.data ? `${listQ.data.length} account${listQ.data.length === 1 ? '' : 's'}; times in UTC` : undefined}
        actions={
          <button type="button" className={styles.primary} onClick={() => setCreating(!creating)} aria-expanded={creating} data-testid="new-user">
            New user
          </button>
        }
        testId="accounts-panel"
      >
        {creating && <NewUserForm scopeOptions={scopeQ.data} onCreated={(id) => select(id)} onClose={() => setCreating(false)} />}
        {listQ.error ? (
          <ErrorState what="the accounts" message={messageOf(listQ.error)} onRetry={() => void listQ.refetch()} />
        ) : !listQ.data ? (
          <Placeholder height={260} label="Loading the accounts" />
        ) : (
          <div className={styles.tableWrap}>
            <UserTable users={listQ.data} selected={selected} onSelect={(id) => select(id === selected ? null : id)} me={me} />
          </div>
        )}
      </Panel>
      {selected && listQ.data && !user && (
        <p className={styles.notice} role="status">
          There is no account “{selected}”. Choose one in the table above.
        </p>
      )}
      {user && <UserDetail key={user.id} user={user} me={me} scopeOptions={scopeQ.data} onClose={() => select(null)} />}
    </div>
  );
}
