'use client';
// The process map page: the map of the chosen perspective under the filter bar's filters, with the
// sliders, the frequency / performance switch and zoom. Clicking an activity or a path adds the
// filter for those cases to the shared filters (every page then shows them).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { formatCount } from '../../components/format';
import type { MapMetric } from '../../components/map-scale';
import { MapControls } from '../../components/MapControls';
import { MapModeControl } from '../../components/MapModeControl';
import { ProcessMapExplorer, ProcessMapKey } from '../../components/ProcessMapExplorer';
import { EmptyState, ErrorState, Placeholder } from '../../components/States';
import type { Filter } from '../../mining/types';
import { PageShell, type ResolvedView } from '../_shared/PageShell';
import { messageOf, writeSearch } from '../_shared/url-state';
import { useTRPC } from '../_trpc/client';
import styles from './MapPage.module.css';
import { caseNoun, mapSettingsPatch, readMapSettings, type MapSettings } from './settings';

/** The map fills the window below the header, filter bar and title; a usable height elsewhere. */
const MAP_HEIGHT = 'max(460px, calc(100vh - 320px))';

function useMapSettings(): [MapSettings, (next: Partial<Pick<MapSettings, 'activityPct' | 'pathPct' | 'metric'>>, mode: 'push' | 'replace') => void] {
  const search = useSearchParams();
  const text = search.toString();
  const settings = useMemo(() => readMapSettings(new URLSearchParams(text)), [text]);
  const set = useCallback(
    (next: Partial<Pick<MapSettings, 'activityPct' | 'pathPct' | 'metric'>>, mode: 'push' | 'replace') =>
      writeSearch(mapSettingsPatch({ ...settings, ...next }), mode),
    [settings],
  );
  return [settings, set];
}

const mapInput = (view: ResolvedView, s: MapSettings) => ({ ...view.input, activityPct: s.activityPct, pathPct: s.pathPct });

export function MapPage() {
  const [settings, set] = useMapSettings();
  return (
    <PageShell
      page="map"
      title="Process map"
      perspectiveSwitch
      subtitle={(view) => <MapSubtitle view={view} settings={settings} />}
      actions={() => (
        <div className={styles.controls}>
          <MapModeControl metric={settings.metric} onChange={(metric: MapMetric) => set({ metric }, 'push')} />
          <MapControls activityPct={settings.activityPct} pathPct={settings.pathPct} onChange={(next) => set(next, 'replace')} />
        </div>
      )}
    >
      {(view) => <MapContent view={view} settings={settings} />}
    </PageShell>
  );
}

function MapSubtitle({ view, settings }: { view: ResolvedView; settings: MapSettings }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.map.process.queryOptions(mapInput(view, settings), { placeholderData: keepPreviousData }));
  const noun = caseNoun(view.perspective);
  if (!q.data) return <span className="skeleton-line" style={{ display: 'inline-block', width: 300 }} />;
  const m = q.data;
  const shown = m.nodes.length - 2;
  return (
    <span data-testid="map-summary">
      <strong data-testid="map-total-cases" data-value={m.totalCases}>
        {formatCount(m.totalCases)}
      </strong>{' '}
      {noun}, {formatCount(m.totalEvents)} events · showing {formatCount(Math.max(0, shown))} activities ({Math.round(m.activityPct)} %) and{' '}
      {formatCount(m.edges.length)} paths ({Math.round(m.pathPct)} %)
      {view.filters.length > 0 && ' · filtered'}
    </span>
  );
}

function MapContent({ view, settings }: { view: ResolvedView; settings: MapSettings }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.map.process.queryOptions(mapInput(view, settings), { placeholderData: keepPreviousData }));
  const noun = caseNoun(view.perspective);
  const { addFilters } = view;
  const onFilter = useCallback((f: Filter) => addFilters([f]), [addFilters]);

  if (q.isError) return <ErrorState what="the process map" message={messageOf(q.error)} onRetry={() => void q.refetch()} />;
  const map = q.data;
  const busy = q.isPlaceholderData || (q.isFetching && !!map);
  return (
    <section className={styles.card} aria-busy={busy || undefined} data-testid="map-panel">
      <div className={`${styles.body} ${busy ? styles.busy : ''}`}>
        {!map ? (
          <Placeholder height={MAP_HEIGHT} label="Drawing the process map…" />
        ) : map.totalCases === 0 ? (
          <div style={{ minHeight: MAP_HEIGHT }}>
            <EmptyState title={`No ${noun} match these filters`}>
              <p>Remove a filter in the bar above to see the map again.</p>
            </EmptyState>
          </div>
        ) : (
          <ProcessMapExplorer map={map} metric={settings.metric} caseNoun={noun} height={MAP_HEIGHT} onFilter={onFilter} />
        )}
        {busy && (
          <span className={styles.updating} role="status">
            <span className="spinner" aria-hidden /> Updating…
          </span>
        )}
      </div>
      <footer className={styles.footer}>
        {map && map.totalCases > 0 ? <ProcessMapKey map={map} metric={settings.metric} /> : <span />}
        <span className={styles.hint}>Click an activity or a path to keep only the {noun} through it · drag to pan · scroll or + / − to zoom</span>
      </footer>
    </section>
  );
}
