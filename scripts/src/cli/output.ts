/** Where a command prints: passed in, so commands can be tested without touching the console. */
export interface Output {
  log: (line: string) => void;
  error: (line: string) => void;
}
