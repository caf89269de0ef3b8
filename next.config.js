/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Node-only modules stay outside the server bundle; pino too, so its worker-thread and
  // destination modules resolve as they do under plain Node (we log to stdout without a transport).
  serverExternalPackages: ['cassandra-driver', 'better-sqlite3', 'pino'],
  poweredByHeader: false,
};

export default nextConfig;
