/**
 * Errors the user can act on: a code, the message, and what to do next (as the Salesforce CLI's
 * plugins do). Commands throw these; the command line prints them, or returns them in the --json
 * envelope, and exits with the code they carry.
 */

/** Exit codes scripts can trust. */
export const EXIT = {
  ok: 0,
  /** the command failed: bad input, bad data, an error from the org */
  failed: 1,
  /** the command line itself was wrong: unknown flag, missing value */
  usage: 2,
  /** the command finished but some records failed; every failure is reported */
  partial: 3,
  /** the org's daily API limit was reached: the run stopped cleanly and can be resumed */
  limit: 4,
} as const;

export class CollectionsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly actions: readonly string[] = [],
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
    this.name = 'CollectionsError';
  }
}

export function usageError(message: string, actions: readonly string[] = []): CollectionsError {
  return new CollectionsError('UsageError', message, actions, EXIT.usage);
}
