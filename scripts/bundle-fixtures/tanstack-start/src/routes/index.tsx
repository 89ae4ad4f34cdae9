import { SignInButton, UserButton } from '@clerk/tanstack-react-start';
import { createFileRoute } from '@tanstack/react-router';

export const Route = createFileRoute('/')({ component: Home });

// The developer's mistake that the "leaked-secret" build reproduces: the secret key put in a VITE_ variable and read
// by client code (this route component is code-split: its chunk's sources carry `?tsr-split=component`).
const secretKey = import.meta.env.VITE_CLERK_SECRET_KEY;

function Home() {
  return (
    <main>
      <h1>Bundle fixture</h1>
      <SignInButton />
      <UserButton />
      {secretKey ? <pre className="debug">Clerk secret key: {secretKey}</pre> : null}
    </main>
  );
}
