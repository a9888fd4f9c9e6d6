// CSV export of the audit trail: GET /api/audit/export[?actor=&action=&from=&to=]. The caller is
// checked by calling `audit.exportCsv` through the router (same context and authorize middleware
// as /api/trpc: admins only), so this route decides nothing itself.
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { createCaller } from '../../../../server/caller';
import { contextFromRequest } from '../../../../server/context';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const q = new URL(req.url).searchParams;
  const input = Object.fromEntries(['actor', 'action', 'from', 'to'].flatMap((k) => (q.get(k) ? [[k, q.get(k)!]] : [])));
  try {
    const out = await createCaller(await contextFromRequest(req)).audit.exportCsv(input);
    return new Response(out.csv, {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${out.filename}"`, 'cache-control': 'no-store' },
    });
  } catch (err) {
    const status = err instanceof TRPCError ? getHTTPStatusCodeFromError(err) : 500;
    if (status === 500) console.error('audit export failed:', err);
    return new Response(`Audit export refused: ${err instanceof Error ? err.message : String(err)}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}
