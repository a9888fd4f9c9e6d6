// Locating the files of a source: a folder (files in name order) or one file, and the name under
// which a file is reported (`sap/VBAK.csv`: the folder's name and the file's, as in ground truth).
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { IngestError } from '../types';

export interface SourceFile {
  path: string;
  /** `<folder>/<file>`, used in rejects, lineage and errors. */
  name: string;
}

export function listFiles(path: string, accept: (fileName: string) => boolean): SourceFile[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (err) {
    throw new IngestError(`cannot read ${path}: ${(err as Error).message}`, path);
  }
  if (!isDir) return [{ path, name: `${basename(dirname(path))}/${basename(path)}` }];
  const folder = basename(path);
  return readdirSync(path)
    .filter((f) => accept(f) && statSync(join(path, f)).isFile())
    .sort()
    .map((f) => ({ path: join(path, f), name: `${folder}/${f}` }));
}
