// An activity as a small chip in its colour (the same colour as its stripe on the map).
import { activityColour } from './activity-colour';
import { truncate } from './map-scale';
import styles from './ActivityChip.module.css';

export function ActivityChip({ activity, max = 26 }: { activity: string; max?: number }) {
  const colour = activityColour(activity);
  const short = truncate(activity, max);
  return (
    <span className={styles.chip} style={{ '--chip': colour } as React.CSSProperties} title={short !== activity ? activity : undefined} data-testid="activity-chip">
      {short}
    </span>
  );
}
