// A static route handler: Next.js prerenders it at build time to .next/server/app/clerk-config.json.body (+ .meta),
// which is served to browsers as it is.
export const dynamic = 'force-static';

export function GET() {
  return Response.json({ publishableKey: process.env.CLERK_PUBLISHABLE_KEY ?? null });
}
