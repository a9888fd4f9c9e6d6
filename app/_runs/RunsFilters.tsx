'use client';
// The runs page's filters: status and outcome as toggle chips, the playbook as a select. Each
// choice writes its URL key (the page reads the filter back from the URL). The requester (`by`,
// set by a rule's link on /playbooks) shows as a chip that clears it.
import { outcomeLabel, OUTCOME_KEYS, runStateLabel } from '../../components/remediation-format';
import { STATES, type RunsFilter } from './inputs';
import styles from './RunsPage.module.css';

export interface RunsFiltersProps {
  filter: RunsFilter;
  playbooks: readonly { id: string; title: string }[];
  onChange(key: 'state' | 'outcome' | 'pb' | 'by', value: string | null): void;
}

export function RunsFilters({ filter, playbooks, onChange }: RunsFiltersProps) {
  return (
    <div className={styles.filterBar}>
      <div className={styles.filters} role="group" aria-label="Filter by status">
        <span className={styles.filterLabel}>Status</span>
        <button type="button" aria-pressed={filter.state === null} onClick={() => onChange('state', null)}>
          All
        </button>
        {STATES.filter((st) => st !== 'requested').map((st) => (
          <button key={st} type="button" aria-pressed={filter.state === st} onClick={() => onChange('state', st)} data-state={st}>
            {runStateLabel(st)}
          </button>
        ))}
      </div>
      <div className={styles.filters} role="group" aria-label="Filter by outcome">
        <span className={styles.filterLabel}>Outcome</span>
        <button type="button" aria-pressed={filter.outcome === null} onClick={() => onChange('outcome', null)}>
          Any
        </button>
        {OUTCOME_KEYS.map((o) => (
          <button key={o} type="button" aria-pressed={filter.outcome === o} onClick={() => onChange('outcome', o)} data-outcome={o}>
            {outcomeLabel(o)}
          </button>
        ))}
        <label className={styles.select}>
          <span className={styles.filterLabel}>Playbook</span>
          <select value={filter.playbookId ?? ''} onChange={(e) => onChange('pb', e.target.value || null)} data-testid="runs-playbook">
            <option value="">All playbooks</option>
            {playbooks.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
            {filter.playbookId && !playbooks.some((p) => p.id === filter.playbookId) && <option value={filter.playbookId}>{filter.playbookId}</option>}
          </select>
        </label>
        {filter.requestedBy && (
          <button type="button" aria-pressed="true" onClick={() => onChange('by', null)} data-testid="runs-requester" aria-label={`Requested by ${filter.requestedBy}: show every requester`}>
            Requested by {filter.requestedBy} ×
          </button>
        )}
      </div>
    </div>
  );
}
