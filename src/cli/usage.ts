// Errors in how a command was called (exit 2), as opposed to input it refused (exit 1).

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
