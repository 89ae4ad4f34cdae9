// The config of the "nextjs-turbopack-maps" build (regenerate.sh copies it over next.config.mjs): Turbopack's
// minifier off, so each client chunk is its modules' code one after another and its source map an index map
// ({"version":3,"sections":[…]}), one section per module. With the minifier on (the default), client chunk maps
// are plain maps.
/** @type {import('next').NextConfig} */
const nextConfig = {
  productionBrowserSourceMaps: true,
  experimental: { turbopackMinify: false }
};

export default nextConfig;
