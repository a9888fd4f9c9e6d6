// The tRPC HTTP endpoint: server/http.ts does the work (context, caller, cancellation).
import { handleTrpcRequest } from '../../../../server/http';

export const dynamic = 'force-dynamic';

const handler = (req: Request): Promise<Response> => handleTrpcRequest(req);

export { handler as GET, handler as POST };
