import type { ReactNode } from 'react';
import { ClerkProvider } from '@clerk/nextjs';

export const metadata = { title: 'Bundle fixture: Next.js + Clerk' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <ClerkProvider>
      <html lang="en">
        <body>{children}</body>
      </html>
    </ClerkProvider>
  );
}
