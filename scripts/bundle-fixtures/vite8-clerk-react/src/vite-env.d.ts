/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_CLERK_PUBLISHABLE_KEY: string;
  /** Never set this in a real app: a VITE_ variable is inlined into the public bundle. The "leaked-secret" build does. */
  readonly VITE_CLERK_SECRET_KEY?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
