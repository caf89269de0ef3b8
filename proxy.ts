/**
 * Runs before every page render: gives the page a nonce-based Content-Security-Policy. Next.js reads
 * the nonce from the request's CSP header and stamps it on its own script tags, which is why pages
 * render dynamically. API routes, static files and link prefetches are left out: they carry no HTML
 * to protect, and the static headers of next.config.js still cover them.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, pageContentSecurityPolicy } from '@/server/http/content-security-policy';

export function proxy(request: NextRequest) {
  const policy = pageContentSecurityPolicy({ nonce: newNonce(), development: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
