// Which importer a file goes to, by its name. One table, so `import`, the server and the docs agree.
export type FileFormat = 'xes' | 'ocel' | 'csv' | 'parquet';

const RULES: [RegExp, FileFormat][] = [
  [/\.xes(\.gz)?$/i, 'xes'],
  [/\.(jsonocel|xmlocel|sqlite|sqlite3|db)(\.gz)?$/i, 'ocel'],
  [/\.(json|xml)(\.gz)?$/i, 'ocel'],
  [/\.parquet$/i, 'parquet'],
  [/\.(csv|tsv|txt)(\.gz)?$/i, 'csv'],
];

export function formatOfFile(path: string): FileFormat | null {
  for (const [re, format] of RULES) if (re.test(path)) return format;
  return null;
}
