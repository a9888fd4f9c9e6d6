// The roles of an account as check boxes, each with what it allows.
import { ROLE_HINT, ROLE_LABEL } from './account-format';
import styles from './Accounts.module.css';

export const ROLE_IDS = ['admin', 'finance_leader', 'process_owner', 'analyst'] as const;

export interface RolePickerProps {
  value: readonly string[];
  onChange: (roles: string[]) => void;
  disabled?: boolean;
  /** Prefix for the inputs' ids (two pickers on one page). */
  idPrefix: string;
}

export function RolePicker({ value, onChange, disabled, idPrefix }: RolePickerProps) {
  const toggle = (role: string, on: boolean) => onChange(ROLE_IDS.filter((r) => (r === role ? on : value.includes(r))));
  return (
    <fieldset className={styles.fieldset} disabled={disabled}>
      <legend>Roles</legend>
      {ROLE_IDS.map((r) => (
        <label key={r} className={styles.check} htmlFor={`${idPrefix}-role-${r}`}>
          <input id={`${idPrefix}-role-${r}`} type="checkbox" checked={value.includes(r)} onChange={(e) => toggle(r, e.target.checked)} data-testid={`${idPrefix}-role-${r}`} />
          <span>
            <strong>{ROLE_LABEL[r]}</strong> <span className={styles.hint}>{ROLE_HINT[r]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
