// Sends a page request without a session cookie to the sign-in page (convenience only: whether a
// cookie is valid, and what its user may do, is decided by server/trpc.ts `authorize` on every
// call; an expired cookie is caught there and the page's client goes to /signin).
import { NextResponse, type NextRequest } from 'next/server';

export function proxy(req: NextRequest) {
  if (req.cookies.get('tl_session')?.value) return NextResponse.next();
  const to = req.nextUrl.clone();
  to.pathname = '/signin';
  to.search = '';
  const back = req.nextUrl.pathname + req.nextUrl.search;
  if (back !== '/') to.searchParams.set('next', back);
  return NextResponse.redirect(to);
}

// Pages only: the API answers 401 itself (scripts), Next's assets and the sign-in page stay open.
export const config = {
  matcher: ['/((?!api/|_next/|signin|icon\\.svg|favicon\\.ico).*)'],
};
