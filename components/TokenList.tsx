// API tokens as a table: name, the first characters (so an owner recognises one), when made, last
// used, expiry and state, and Revoke on live ones. Never the secret: the server does not keep it.
import { tokenState, whenText } from './account-format';
import styles from './Accounts.module.css';

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
}

export interface TokenListProps {
  tokens: readonly TokenRow[];
  onRevoke: (token: TokenRow) => void;
  /** The token whose revocation is on its way. */
  revoking?: string | null;
  /** What to say when there are none. */
  empty: string;
  testId?: string;
}

const STATE_LABEL = { live: 'Live', revoked: 'Revoked', expired: 'Expired' } as const;

export function TokenList({ tokens, onRevoke, revoking, empty, testId }: TokenListProps) {
  if (tokens.length === 0) return <p className={styles.empty}>{empty}</p>;
  return (
    <table className={styles.table} data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Starts with</th>
          <th scope="col">Created (UTC)</th>
          <th scope="col">Last used</th>
          <th scope="col">Expires</th>
          <th scope="col">State</th>
          <th scope="col">
            <span className={styles.srOnly}>Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => {
          const state = tokenState(t);
          return (
            <tr key={t.id} data-testid="token-row" data-state={state} data-id={t.id}>
              <td>{t.name}</td>
              <td>
                <code>{t.prefix}…</code>
              </td>
              <td>{whenText(t.createdAt)}</td>
              <td>{whenText(t.lastUsedAt)}</td>
              <td>{whenText(t.expiresAt)}</td>
              <td>
                <span className={`${styles.badge} ${styles[state]}`}>{STATE_LABEL[state]}</span>
              </td>
              <td className={styles.actionsCell}>
                {state === 'live' && (
                  <button type="button" className={styles.button} onClick={() => onRevoke(t)} disabled={revoking === t.id} aria-label={`Revoke token ${t.name}`}>
                    {revoking === t.id ? 'Revoking…' : 'Revoke'}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
