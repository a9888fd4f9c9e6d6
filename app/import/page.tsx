// The table import page: upload a CSV or Parquet file, map its columns, see the rows as they will be
// read and the problems found, then import into a log of its own (server/routers/imports.ts).
import type { Metadata } from 'next';
import { ImportForm } from '../_import/ImportForm';

export const metadata: Metadata = { title: 'Throughline · Import a table' };

export default function Page() {
  return <ImportForm />;
}
