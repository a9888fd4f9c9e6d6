// GET /api/notebooks/export?notebook=<id>&cell=<cellId>&format=csv|parquet — the SAVED notebook's
// cell, full result (no row cap; the sandbox's time limit applies), streamed as it is written.
// The caller is checked by calling `notebooks.exportResult` through the router; an abandoned
// download interrupts the query.
import { createCaller } from '../../../../server/caller';
import { contextFromRequest } from '../../../../server/context';
import { failureResponse } from '../../../../server/notebook-http';
import { cancellable } from '../../../../sql';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const params = new URL(req.url).searchParams;
  const input = { notebook: params.get('notebook') ?? '', cell: params.get('cell') ?? '', format: (params.get('format') ?? 'csv') as 'csv' | 'parquet' };
  let out;
  try {
    const caller = createCaller(await contextFromRequest(req), { signal: req.signal });
    out = await cancellable(req.signal, () => caller.notebooks.exportResult(input));
  } catch (err) {
    return failureResponse(err, 'Exporting the result');
  }
  const iterator = out.chunks[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (err) {
        console.error('notebook export stream failed:', err);
        controller.error(err);
      }
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': out.contentType,
      'content-disposition': `attachment; filename="${out.filename}"`,
      'cache-control': 'no-store',
    },
  });
}
