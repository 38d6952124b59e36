// Why this file exists: a request that cannot be carried out as given (an --out that cannot be
// written or would replace someone's files, a folder that is not what the command needs): exit
// code 2 and one clear message, without the whole usage text (that is UsageError's).
export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
