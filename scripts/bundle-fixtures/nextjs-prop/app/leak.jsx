'use client';

// The developer's mistake that the "leaked-secret" build reproduces: the secret key put in a NEXT_PUBLIC_ variable
// and read by a client component, so Next.js inlines its value into a client chunk. In the other builds the variable
// is unset and the branch is dropped.
export default function Leak() {
  const secretKey = process.env.NEXT_PUBLIC_CLERK_SECRET_KEY;
  return secretKey ? <pre className="debug">Clerk secret key: {secretKey}</pre> : null;
}
