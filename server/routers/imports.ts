// Table import (admin): upload a CSV or Parquet file to a server-side temp folder (size-capped),
// preview it with a column mapping (nothing written), import it into a case-centric log
// (ingest/csv). Uploads are only readable by their id; an import removes its upload, and uploads
// older than a day are swept at the next upload.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { formatOf, importTable, previewTable, type ColumnMapping, type Preview } from '../../ingest/csv';
import type { IngestResult } from '../../ingest/types';
import { refreshAndPrepare } from '../../mining';
import { afterIngest } from '../../workflows';
import { InvalidRequestError, NotFoundError } from '../errors';
import { fullMapping, logId, partialMapping } from '../schemas';
import { ingestProcedure, router } from '../trpc';
import { auditIngest } from './ingest';

/** Upload cap in bytes (THROUGHLINE_UPLOAD_MAX_BYTES, default 50 MB). */
export function uploadCap(): number {
  const v = Number(process.env.THROUGHLINE_UPLOAD_MAX_BYTES);
  return Number.isFinite(v) && v > 0 ? v : 50 * 1024 * 1024;
}

export function uploadRoot(): string {
  return process.env.THROUGHLINE_UPLOAD_DIR ?? join(tmpdir(), 'throughline-uploads');
}

const DAY_MS = 24 * 3600 * 1000;

function sweep(root: string): void {
  for (const name of readdirSync(root)) {
    const p = join(/*turbopackIgnore: true*/ root, name);
    try {
      if (Date.now() - statSync(p).mtimeMs > DAY_MS) rmSync(p, { recursive: true, force: true });
    } catch {
      // gone meanwhile
    }
  }
}

const uploadId = z.string().regex(/^[a-f0-9]{32}$/, 'an upload id is 32 hex digits');
interface Upload {
  path: string;
  fileName: string;
}

function findUpload(id: string): Upload {
  const dir = join(/*turbopackIgnore: true*/ uploadRoot(), id);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new NotFoundError(`No upload ${id} (uploads are removed after an import, or after a day).`);
  }
  if (names.length !== 1) throw new NotFoundError(`No upload ${id}.`);
  return { path: join(/*turbopackIgnore: true*/ dir, names[0]), fileName: names[0] };
}

/** The file name kept for lineage and messages: its base name, safe characters only. */
function safeName(name: string): string {
  const b = basename(name).replace(/[^A-Za-z0-9._ -]/g, '_').slice(0, 120);
  return b.replace(/^\.+/, '') || 'upload.csv';
}

export interface UploadResult {
  uploadId: string;
  fileName: string;
  bytes: number;
}

export const importsRouter = router({
  upload: ingestProcedure
    .input(z.object({ fileName: z.string().min(1).max(300), contentBase64: z.string().min(1) }))
    .mutation(({ input }): UploadResult => {
      const cap = uploadCap();
      // base64 is 4 characters per 3 bytes: refuse before decoding.
      if (Math.floor((input.contentBase64.length * 3) / 4) > cap + 3) {
        throw new InvalidRequestError(`The file is larger than the upload limit of ${cap} bytes.`);
      }
      const fileName = safeName(input.fileName);
      if (!formatOf(fileName)) throw new InvalidRequestError(`${fileName}: upload a .csv, .tsv, .txt or .parquet file.`);
      const content = Buffer.from(input.contentBase64, 'base64');
      if (content.length > cap) throw new InvalidRequestError(`The file is larger than the upload limit of ${cap} bytes.`);
      const root = uploadRoot();
      mkdirSync(root, { recursive: true, mode: 0o700 });
      sweep(root);
      const id = randomBytes(16).toString('hex');
      mkdirSync(join(/*turbopackIgnore: true*/ root, id), { mode: 0o700 });
      writeFileSync(join(/*turbopackIgnore: true*/ root, id, fileName), content, { mode: 0o600 });
      return { uploadId: id, fileName, bytes: content.length };
    }),

  preview: ingestProcedure
    .input(z.object({ uploadId, mapping: partialMapping.optional() }))
    .query(async ({ ctx, input }): Promise<Preview> => {
      const up = findUpload(input.uploadId);
      return previewTable(await ctx.store(), up.path, input.mapping ?? {}, { fileName: up.fileName });
    }),

  run: ingestProcedure
    .input(z.object({ uploadId, mapping: fullMapping, logId, name: z.string().min(1).max(200).optional() }))
    .mutation(async ({ ctx, input }): Promise<IngestResult> => {
      const up = findUpload(input.uploadId);
      const store = await ctx.store();
      const mapping: ColumnMapping = input.mapping;
      const result = await importTable(store, up.path, mapping, { logId: input.logId, name: input.name, fileName: up.fileName });
      await refreshAndPrepare(store, input.logId);
      await afterIngest(store, input.logId);
      await auditIngest(store, ctx.user, 'imports.run', [result], { file: up.fileName, mapping });
      rmSync(join(/*turbopackIgnore: true*/ uploadRoot(), input.uploadId), { recursive: true, force: true });
      return result;
    }),
});
