/**
 * The Content-Security-Policy of every page, with a fresh nonce per response (proxy.ts). Scripts run
 * only when they carry the nonce Next.js stamps on its own tags, or when a nonced script loads them
 * ('strict-dynamic'), so markup that an attacker stored in a cell, a comment or a gossip value and
 * that somehow reached the DOM still cannot run. Styles keep 'unsafe-inline': CodeMirror injects its
 * theme as <style> elements and React writes `style` attributes, neither of which can carry a nonce,
 * and a style alone cannot run code.
 */

export interface PolicyOptions {
  nonce: string;
  /** `next dev` needs eval for its error overlay; a production build never does. */
  development: boolean;
}

export function pageContentSecurityPolicy({ nonce, development }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // The export downloads into a hidden frame of the console's own.
    "frame-ancestors 'self'",
    "frame-src 'self'",
  ];
  return directives.join('; ');
}

/** 128 random bits, base64: unguessable, and never the same twice. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The script nonce of a policy made above, for a page's own inline script (the theme script that runs
 * before the first paint); undefined when the request carries no such policy.
 */
export function nonceOf(policy: string | null | undefined): string | undefined {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? '')?.[1];
}
