import 'server-only';
/**
 * The one same-origin guard, shared by the tRPC route and the plain routes: another site's page must
 * not make a browser change anything here (CSRF). A browser names the page's site in `Sec-Fetch-Site`
 * and its origin in `Origin`; a request with neither comes from a script or curl, not from a page,
 * and is judged by what it carries (later: its session or bearer token).
 */

/** Why the request is refused as coming from another site, or null when it is the console's own. */
export function crossSiteReason(headers: Headers): string | null {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite === 'cross-site' || fetchSite === 'same-site')
    return `a page on another site (Sec-Fetch-Site: ${fetchSite}) may not act on this console`;
  const origin = headers.get('origin');
  if (origin === null) return null;
  // An opaque origin (a sandboxed frame, a file: page) is never the console's own.
  if (origin === 'null') return 'a page with an opaque origin may not act on this console';
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return `the Origin header "${origin.slice(0, 100)}" is not a URL`;
  }
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  if (host === null || originHost !== host) return `a page on ${originHost} may not act on this console`;
  return null;
}
