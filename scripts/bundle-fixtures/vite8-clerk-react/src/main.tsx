import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ClerkProvider, SignInButton, UserButton } from '@clerk/react';
import './index.css';

const publishableKey = import.meta.env.VITE_CLERK_PUBLISHABLE_KEY;

// The developer's mistake that the "leaked-secret" build reproduces: the secret key put in a VITE_ variable
// and read by client code, so Vite inlines its value into the bundle. In the other builds the variable is unset,
// Vite inlines `undefined` and the minifier drops the branch.
const secretKey = import.meta.env.VITE_CLERK_SECRET_KEY;

function App() {
  return (
    <main>
      <h1>Bundle fixture</h1>
      <SignInButton />
      <UserButton />
      {secretKey ? <pre className="debug">Clerk secret key: {secretKey}</pre> : null}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ClerkProvider publishableKey={publishableKey}>
      <App />
    </ClerkProvider>
  </StrictMode>
);
