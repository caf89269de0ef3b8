/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Node-only modules stay outside the server bundle.
  serverExternalPackages: ['cassandra-driver', 'better-sqlite3'],
  poweredByHeader: false,
};

export default nextConfig;
