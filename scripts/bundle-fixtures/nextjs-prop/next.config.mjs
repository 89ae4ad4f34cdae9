/** @type {import('next').NextConfig} */
const nextConfig = {
  productionBrowserSourceMaps: true
};

export default nextConfig;
