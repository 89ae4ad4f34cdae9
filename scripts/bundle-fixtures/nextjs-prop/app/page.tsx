import { SignInButton } from '@clerk/nextjs';
import Leak from './leak';

export default function Home() {
  return (
    <main>
      <h1>Bundle fixture</h1>
      <SignInButton />
      <Leak />
    </main>
  );
}
