import * as React from 'react';
import { SignInButton, SignedIn, SignedOut, UserButton } from 'gatsby-plugin-clerk';

// The developer's mistake that the "leaked-secret" build reproduces: the secret key put in a GATSBY_ variable and
// read by client code, so Gatsby inlines its value into the bundle.
const secretKey = process.env.GATSBY_CLERK_SECRET_KEY;

export default function IndexPage() {
  return (
    <main>
      <h1>Bundle fixture</h1>
      <SignedOut>
        <SignInButton />
      </SignedOut>
      <SignedIn>
        <UserButton />
      </SignedIn>
      {secretKey ? <pre className="debug">Clerk secret key: {secretKey}</pre> : null}
    </main>
  );
}

export const Head = () => <title>Bundle fixture</title>;
