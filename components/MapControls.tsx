'use client';
// The map's simplification sliders. The thumb moves at once; the change is reported when the user
// stops moving it for a moment, so dragging does not fire a query per pixel.
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import styles from './MapControls.module.css';

export interface MapControlsProps {
  activityPct: number;
  pathPct: number;
  onChange: (next: { activityPct: number; pathPct: number }) => void;
  /** The map for the current values is being fetched. */
  busy?: boolean;
}

const SETTLE_MS = 350;

export function MapControls({ activityPct, pathPct, onChange, busy }: MapControlsProps) {
  const [draft, setDraft] = useState({ activityPct, pathPct });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // Follow the URL when it changes from elsewhere (back button, another control).
  useEffect(() => setDraft({ activityPct, pathPct }), [activityPct, pathPct]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const set = (key: 'activityPct' | 'pathPct', value: number) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => onChangeRef.current(next), SETTLE_MS);
  };

  return (
    <div className={styles.controls} aria-busy={busy}>
      <Slider id="map-activities" label="Activities" value={draft.activityPct} onInput={(v) => set('activityPct', v)} hint="Keeps the most frequent activities" />
      <Slider id="map-paths" label="Paths" value={draft.pathPct} onInput={(v) => set('pathPct', v)} hint="Keeps the most frequent connections" />
    </div>
  );
}

function Slider({ id, label, value, onInput, hint }: { id: string; label: string; value: number; onInput: (v: number) => void; hint: string }) {
  return (
    <label className={styles.slider} htmlFor={id} title={hint}>
      <span className={styles.name}>{label}</span>
      <input
        id={id}
        data-testid={id}
        type="range"
        min={0}
        max={100}
        step={5}
        value={value}
        onChange={(e) => onInput(Number(e.target.value))}
        style={{ '--fill': `${value}%` } as CSSProperties}
      />
      <output className={styles.value} htmlFor={id}>
        {value} %
      </output>
    </label>
  );
}
