import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * parseArgs for the `npm run` commands: `--help` (or `-h`) prints the usage and exits 0; an
 * unknown or malformed option prints what is wrong and the usage, and exits 2. A stack trace
 * helps nobody at a terminal.
 */
export function parseCliArgs<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    if (isParseArgsError(error)) usageError(error.message, usage);
    throw error;
  }
}

/** Exits 2 with the message and the usage. */
export function usageError(message: string, usage: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS_');
}
