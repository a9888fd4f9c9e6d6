/** @type {import('next').NextConfig} */
const nextConfig = {
  // The DuckDB binding is a native .node file: keep it out of the bundle.
  serverExternalPackages: ['@duckdb/node-api'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
