// The "i" next to a number: its definition on hover and on keyboard focus, tied to the number by
// aria-describedby so a screen reader reads it with the value.
import type { ReactNode } from 'react';
import styles from './DefinitionTip.module.css';

export function DefinitionTip({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <span className={styles.info} tabIndex={0} aria-describedby={id} aria-label={`How ${label} is defined`}>
      i
      <span role="tooltip" id={id} className={styles.tooltip} data-testid="definition">
        {children}
      </span>
    </span>
  );
}
