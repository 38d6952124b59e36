// Why this file exists: a mistake in how a command was called (exit code 2 with the usage text),
// shared by the subcommands that live in their own files.
export class UsageError extends Error {}
