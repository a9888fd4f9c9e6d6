// The accounts: who, roles, owner scope, when made, last sign-in, live tokens, enabled or not; a
// button per row opens that account for changes.
import { roleText, scopeText, whenText } from './account-format';
import { formatCount } from './format';
import styles from './Accounts.module.css';

export interface UserRowData {
  id: string;
  displayName: string;
  roles: readonly string[];
  scope: { warehouses?: readonly string[]; segments?: readonly string[] } | null;
  disabled: boolean;
  createdAt: string;
  lastSignInAt: string | null;
  liveTokens: number;
}

export interface UserTableProps {
  users: readonly UserRowData[];
  selected: string | null;
  onSelect: (id: string) => void;
  /** The signed-in admin (marked "you"). */
  me?: string;
}

export function UserTable({ users, selected, onSelect, me }: UserTableProps) {
  return (
    <table className={styles.table} data-testid="users-table">
      <thead>
        <tr>
          <th scope="col">User</th>
          <th scope="col">Roles</th>
          <th scope="col">Owner scope</th>
          <th scope="col">Created (UTC)</th>
          <th scope="col">Last sign-in (UTC)</th>
          <th scope="col" className={styles.num}>
            Tokens
          </th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className={styles.srOnly}>Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id} data-testid="user-row" data-id={u.id} className={u.id === selected ? styles.selectedRow : undefined}>
            <td>
              <span className={styles.userId}>{u.id}</span>
              {u.id === me && <span className={styles.you}> (you)</span>}
              {u.displayName !== u.id && <span className={styles.displayName}>{u.displayName}</span>}
            </td>
            <td>{roleText(u.roles)}</td>
            <td>{u.roles.includes('process_owner') ? scopeText(u.scope) : '—'}</td>
            <td>{whenText(u.createdAt)}</td>
            <td>{whenText(u.lastSignInAt)}</td>
            <td className={styles.num}>{formatCount(u.liveTokens)}</td>
            <td>
              <span className={`${styles.badge} ${u.disabled ? styles.revoked : styles.live}`}>{u.disabled ? 'Disabled' : 'Active'}</span>
            </td>
            <td className={styles.actionsCell}>
              <button type="button" className={styles.button} onClick={() => onSelect(u.id)} aria-label={`Manage ${u.id}`} aria-pressed={u.id === selected}>
                Manage
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
