import { Text, View } from 'react-native';
import { ClerkProvider, Show, useUser } from '@clerk/expo';

// Expo inlines EXPO_PUBLIC_ variables into the bundle at build time.
const publishableKey = process.env.EXPO_PUBLIC_CLERK_PUBLISHABLE_KEY;

// The developer's mistake that the "leaked-secret" build reproduces: the secret key put in an EXPO_PUBLIC_ variable
// and read by client code, so Expo inlines its value into the bundle. In the other builds the variable is unset.
const secretKey = process.env.EXPO_PUBLIC_CLERK_SECRET_KEY;

function Greeting() {
  const { user } = useUser();
  return <Text>Hello {user?.firstName}</Text>;
}

export default function App() {
  return (
    <ClerkProvider publishableKey={publishableKey}>
      <View>
        <Text>Bundle fixture</Text>
        <Show when="signed-in" fallback={<Text>Signed out</Text>}>
          <Greeting />
        </Show>
        {secretKey ? <Text>Clerk secret key: {secretKey}</Text> : null}
      </View>
    </ClerkProvider>
  );
}
