import { SignInButton } from '@clerk/nextjs';

export default function Home() {
  return (
    <main>
      <h1>Bundle fixture</h1>
      <SignInButton />
    </main>
  );
}
