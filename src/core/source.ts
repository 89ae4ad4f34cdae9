/** A source the gate read, as listed in reports. */
export type SourceInfo =
  | { kind: 'file'; file: string; variables: number; framework?: string }
  | { kind: 'vars' | 'secrets' | 'env'; variables: number };
