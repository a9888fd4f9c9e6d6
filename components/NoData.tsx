// The empty state of the overview: what is missing and the commands that load data.
import { Command, EmptyState } from './States';

export function NoData({ logName }: { logName: string | null }) {
  return (
    <EmptyState title="No data yet">
      <p>
        {logName ? `The log “${logName}” has no events.` : 'This workspace has no logs.'} Load your order-to-cash extracts (SAP tables, WMS
        exports, billing events) into the store:
      </p>
      <Command>npx throughline ingest all path/to/extracts</Command>
      <p>No extracts at hand? Generate a realistic sample company and load it:</p>
      <Command>{'npx throughline simulate --orders 2000 --seed 1 --out data/sim\nnpx throughline ingest all data/sim'}</Command>
      <p>Then reload this page.</p>
    </EmptyState>
  );
}
