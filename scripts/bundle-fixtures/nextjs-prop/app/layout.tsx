import type { ReactNode } from 'react';
import { ClerkProvider } from '@clerk/nextjs';

export const metadata = { title: 'Bundle fixture: Next.js + Clerk, key as a prop' };

// The key comes from a server-only variable (no NEXT_PUBLIC_ prefix) and is passed as a prop, so Next.js never
// inlines it into a client chunk: it reaches the browser only through the prerendered page (.next/server/app/*.html,
// .rsc, .body).
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <ClerkProvider publishableKey={process.env.CLERK_PUBLISHABLE_KEY}>
      <html lang="en">
        <body>{children}</body>
      </html>
    </ClerkProvider>
  );
}
