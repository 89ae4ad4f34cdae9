/** A source the gate read, as listed in reports. */
export type SourceInfo =
  | { kind: 'file'; file: string; variables: number; framework?: string }
  | { kind: 'vars' | 'secrets' | 'env'; variables: number }
  | { kind: 'host'; host: 'vercel' | 'netlify'; project: string; target: string; variables: number };

/** A line of a source that dotenv ignores; reported so a mistyped definition is not silently lost. */
export interface SourceDiagnostic {
  file: string;
  line: number;
  message: string;
}

/** A file the gate found but does not judge (a template, another mode's file, an excluded path), and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}
