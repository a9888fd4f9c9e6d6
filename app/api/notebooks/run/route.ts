// POST /api/notebooks/run — runs one cell of a notebook as currently edited and answers its rows
// as Arrow IPC (stream format) with the x-tl-* headers (notebooks/README.md). The caller is
// checked by calling `notebooks.run` through the router (same context and authorize middleware as
// /api/trpc); the query runs under the request's signal, so a request the browser abandons is
// interrupted and answers 499.
import { createCaller } from '../../../../server/caller';
import { contextFromRequest } from '../../../../server/context';
import { errorResponse, failureResponse } from '../../../../server/notebook-http';
import { cancellable } from '../../../../sql';

export const dynamic = 'force-dynamic';

export async function POST(req: Request): Promise<Response> {
  let input: unknown;
  try {
    input = await req.json();
  } catch {
    return errorResponse(400, 'BAD_REQUEST', 'The body is not JSON: expected {"cells":[{"id","name?","sql"}…],"cellId":…,"maxRows?":…}.');
  }
  try {
    const caller = createCaller(await contextFromRequest(req), { signal: req.signal });
    const r = await cancellable(req.signal, () => caller.notebooks.run(input as Parameters<typeof caller.notebooks.run>[0]));
    return new Response(r.arrow as Uint8Array<ArrayBuffer>, {
      headers: {
        'content-type': 'application/vnd.apache.arrow.stream',
        'cache-control': 'no-store',
        'x-tl-rows': String(r.rows),
        'x-tl-capped': r.capped ? '1' : '0',
        'x-tl-elapsed-ms': String(Math.round(r.elapsedMs)),
        'x-tl-columns': encodeURIComponent(JSON.stringify(r.columns)),
        'x-tl-snapshot': String(r.snapshot.generation),
        'x-tl-uses': encodeURIComponent(JSON.stringify(r.uses)),
      },
    });
  } catch (err) {
    return failureResponse(err, 'Running the cell');
  }
}
