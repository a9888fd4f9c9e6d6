'use client';
// A SQL cell: its result name, the editor, Run / Cancel / Format, the run's output and the chart.
// Pure: the page holds the cell, its run state and the schema, and acts on what this reports.
import { useEffect, useId, useState } from 'react';
import type { Cell, ChartSpec, SqlCell } from '../../notebooks/types';
import { ChartBuilder } from './ChartBuilder';
import { defaultChart } from './chart-spec';
import { formatSql } from './format-sql';
import { ResultChart } from './ResultChart';
import { resultNameProblem } from './result-name';
import { RunOutput } from './RunOutput';
import { shownResult, type RunState } from './run-state';
import styles from './SqlCellView.module.css';
import { SqlEditor } from './SqlEditor';
import type { EditorSchema, NamedResult } from './sql-language';

export interface SqlCellViewProps {
  cell: SqlCell;
  index: number;
  /** Every cell of the notebook, for the name check. */
  cells: readonly Cell[];
  run: RunState;
  schema: EditorSchema | null;
  /** Named results of the cells above. */
  results: readonly NamedResult[];
  exportHrefs: { csv: string; parquet: string } | null;
  focusToken?: number;
  onSql(sql: string): void;
  onName(name: string | undefined): void;
  onChart(chart: ChartSpec | null): void;
  onRun(): void;
  onRunAndNext(): void;
  onCancel(): void;
}

export function SqlCellView({ cell, index, cells, run, schema, results, exportHrefs, focusToken, onSql, onName, onChart, onRun, onRunAndNext, onCancel }: SqlCellViewProps) {
  const id = useId();
  const n = index + 1;
  const [draft, setDraft] = useState(cell.name ?? '');
  const [formatError, setFormatError] = useState<string | null>(null);
  const problem = resultNameProblem(draft, cells, cell.id);
  // A name set from outside (a reload, an import) replaces a draft that was valid.
  useEffect(() => {
    setDraft((d) => (resultNameProblem(d, cells, cell.id) === null && d.trim() !== (cell.name ?? '') ? (cell.name ?? '') : d));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cell.name]);

  const changeName = (value: string) => {
    setDraft(value);
    if (resultNameProblem(value, cells, cell.id) === null) onName(value.trim() || undefined);
  };
  const running = run.status === 'running';
  const result = shownResult(run);
  const format = () => {
    const out = formatSql(cell.sql);
    if ('error' in out) setFormatError(out.error);
    else {
      setFormatError(null);
      if (out.sql !== cell.sql) onSql(out.sql);
    }
  };

  return (
    <div className={styles.cell} data-testid="sql-cell" data-cell-id={cell.id}>
      <div className={styles.bar}>
        <label className={styles.name} htmlFor={`${id}-name`}>
          <span>Result name</span>
          <input
            id={`${id}-name`}
            value={draft}
            onChange={(e) => changeName(e.target.value)}
            placeholder="e.g. late_invoices"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-name-problem` : `${id}-name-hint`}
            data-testid="result-name"
          />
        </label>
        {problem ? (
          <span id={`${id}-name-problem`} className={styles.problem} role="alert">
            {problem}
          </span>
        ) : (
          <span id={`${id}-name-hint`} className={styles.hint}>
            {cell.name ? `Later cells can query it as ${cell.name}.` : 'Name the result to query it from later cells.'}
          </span>
        )}
        <div className={styles.buttons}>
          <button type="button" className={styles.secondary} onClick={format} aria-label={`Format the SQL of cell ${n}`} data-testid="format-sql">
            Format
          </button>
          {running ? (
            <button type="button" className={styles.cancel} onClick={onCancel} aria-label={`Cancel the run of cell ${n}`} data-testid="cancel-run">
              Cancel
            </button>
          ) : (
            <button type="button" className={styles.run} onClick={onRun} aria-label={`Run cell ${n}`} title="Run (Ctrl+Enter; Shift+Enter runs and moves on)" data-testid="run-cell">
              ▶ Run
            </button>
          )}
        </div>
      </div>
      <SqlEditor
        value={cell.sql}
        onChange={(sql) => {
          setFormatError(null);
          onSql(sql);
        }}
        onRun={onRun}
        onRunAndNext={onRunAndNext}
        schema={schema}
        results={results}
        label={`SQL of cell ${n}`}
        focusToken={focusToken}
      />
      {formatError && (
        <p className={styles.problem} role="alert">
          {formatError}
        </p>
      )}
      <RunOutput state={run} label={`Result of cell ${n}`} exportHrefs={exportHrefs} />
      {cell.chart ? (
        <div className={styles.chart} data-testid="chart">
          <ChartBuilder spec={cell.chart} columns={result ? result.columns : null} onChange={onChart} />
          {result && result.rows > 0 && <ResultChart spec={cell.chart} table={result.table} columns={result.columns} />}
        </div>
      ) : (
        result &&
        result.columns.length > 0 && (
          <div>
            <button
              type="button"
              className={styles.secondary}
              onClick={() => onChart(defaultChart(result.columns))}
              aria-label={`Add a chart to cell ${n}`}
              data-testid="add-chart"
            >
              + Chart
            </button>
          </div>
        )
      )}
    </div>
  );
}
