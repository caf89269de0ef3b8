/**
 * Headers every response carries. The CSP here holds what needs no nonce (no framing by other sites,
 * no plugins, forms and <base> only to this origin); pages get the nonce-based script policy from
 * proxy.ts on top of it.
 * Frames stay allowed from the console itself: the export downloads into a hidden frame.
 */
const SECURITY_HEADERS = [
  {
    key: 'Content-Security-Policy',
    value: "frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
  },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Node-only modules stay outside the server bundle; pino too, so its worker-thread and
  // destination modules resolve as they do under plain Node (we log to stdout without a transport).
  serverExternalPackages: ['cassandra-driver', 'better-sqlite3', 'pino'],
  poweredByHeader: false,
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
