// CSV export of the case table: GET /api/export/cases?input=<JSON of cases.list's input, without
// paging>. The caller is checked by calling the `cases.exportCsv` procedure through the router
// (same context, same authorize and owner-scope middlewares as /api/trpc: a scoped owner's export
// holds only their cases); the rows stream from DuckDB chunk by
// chunk, so a large export never sits in memory (mining caps it at MAX_CSV_ROWS).
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { createCaller } from '../../../../server/caller';
import { contextFromRequest } from '../../../../server/context';

export const dynamic = 'force-dynamic';

function problem(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export async function GET(req: Request): Promise<Response> {
  const raw = new URL(req.url).searchParams.get('input');
  let input: unknown;
  try {
    input = raw ? JSON.parse(raw) : {};
  } catch {
    return problem(400, 'The input parameter is not JSON: expected ?input={"logId":…,"filters":[…],"sort":…,"columns":[…]}.');
  }
  let out;
  try {
    out = await createCaller(await contextFromRequest(req)).cases.exportCsv(input as Parameters<ReturnType<typeof createCaller>['cases']['exportCsv']>[0]);
  } catch (err) {
    if (err instanceof TRPCError) return problem(getHTTPStatusCodeFromError(err), `Case export refused: ${err.message}`);
    console.error('case export failed:', err);
    return problem(500, `Case export failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  const chunks = out.chunks;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        console.error('case export stream failed:', err);
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined); // closes the DuckDB connection
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${out.filename}"`,
      'cache-control': 'no-store',
    },
  });
}
