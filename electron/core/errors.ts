/**
 * Errors that carry a message meant for the analyst. Anything thrown as a QuireError is shown
 * as is (CLI, UI); anything else is a bug and is reported as such.
 */
export class QuireError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QuireError';
    this.code = code;
  }
}

/** The input was wrong (unknown id, bad argument): exit code 2 at the CLI, 400 over HTTP. */
export class UsageError extends QuireError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}

export class NotFoundError extends QuireError {
  constructor(what: string, id: string) {
    super('not_found', `No ${what} with id ${id}.`);
    this.name = 'NotFoundError';
  }
}

/** A file could not be imported; the message names the reason in the analyst's words. */
export class ImportError extends QuireError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('import_failed', message, options);
    this.name = 'ImportError';
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
