import { UsageError } from './args';

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: (argv: string[]) => Promise<number> }> }> = {
  simulate: { summary: 'write a simulated distributor’s source-system extracts', load: () => import('./commands/simulate') },
  ingest: { summary: 'load source extracts into the store', load: () => import('./commands/ingest') },
  import: { summary: 'import an event log file (XES, OCEL 2.0, CSV, Parquet) as a log', load: () => import('./commands/import') },
  export: { summary: 'write a log as XES or OCEL 2.0 (JSON, SQLite)', load: () => import('./commands/export') },
  stats: { summary: 'show what the store holds', load: () => import('./commands/stats') },
  serve: { summary: 'start the dashboard (builds if needed; --demo loads demo data)', load: () => import('./commands/serve') },
};

export const USAGE = `throughline — process intelligence for order-to-cash

Usage: throughline <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join('\n')}

Every command takes --help and --store PATH (default: data/throughline.duckdb, or $THROUGHLINE_STORE).`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`throughline: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    const mod = await command.load();
    return await mod.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`throughline ${name}: ${err.message}`);
      return 2;
    }
    console.error(`throughline ${name}: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.THROUGHLINE_DEBUG && err instanceof Error) console.error(err.stack);
    return 1;
  }
}
