// Why this file exists: `ferrowave --version`, `ferrowave help <command>` and
// `ferrowave <command> --help` (or -h): each command's usage, printed on stdout with exit 0,
// before the command parses its options (so `run --help` is help, not an unknown option).
import { FERROWAVE_VERSION } from '../model/version';
import { RECORD_USAGE } from './record-command';
import { RUN_DETAILS, RUN_USAGE } from './run-command';
import { MERGE_USAGE, REPORT_USAGE, SWEEP_ONLY_USAGE } from './sweep-command';
import { VALIDATE_USAGE } from './validate-command';
import { FIT_USAGE } from './fit-command';

const VERSION_USAGE = '  ferrowave --version          the version of ferrowave (also: ferrowave version, -V)';
const HELP_USAGE = "  ferrowave help [COMMAND]     this text, or one command's (also: ferrowave COMMAND --help)";

/** Usage of each command that has its own help. */
export const COMMAND_USAGE: Readonly<Record<string, string>> = {
  run: `${RUN_USAGE}\n\n${RUN_DETAILS}`,
  record: RECORD_USAGE,
  presets: '  ferrowave presets            list the shipped presets',
  params: '  ferrowave params             list every model parameter with unit, default, range and source',
  validate: VALIDATE_USAGE,
  sweep: SWEEP_ONLY_USAGE,
  merge: MERGE_USAGE,
  report: REPORT_USAGE,
  fit: FIT_USAGE,
  help: HELP_USAGE,
  version: VERSION_USAGE,
};

export interface HelpAnswer {
  text: string;
  /** 0: printed on stdout; 2: an unknown command, printed on stderr */
  code: 0 | 2;
}

const asksHelp = (args: readonly string[]): boolean => {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
};

/** The answer to a request for the version or help, or null when the arguments ask for neither. */
export function helpRequest(cmd: string | undefined, rest: readonly string[], usage: string): HelpAnswer | null {
  if (cmd === '--version' || cmd === '-V' || cmd === 'version') return { text: `ferrowave ${FERROWAVE_VERSION}`, code: 0 };
  if (cmd === 'help' && rest.length > 0) {
    const topic = rest[0];
    if (Object.hasOwn(COMMAND_USAGE, topic)) return { text: `ferrowave ${FERROWAVE_VERSION}\n\nUsage:\n${COMMAND_USAGE[topic]}`, code: 0 };
    return { text: `ferrowave: no command "${topic}"; commands: ${Object.keys(COMMAND_USAGE).join(', ')}\n\n${usage}`, code: 2 };
  }
  if (cmd !== undefined && Object.hasOwn(COMMAND_USAGE, cmd) && asksHelp(rest))
    return { text: `ferrowave ${FERROWAVE_VERSION}\n\nUsage:\n${COMMAND_USAGE[cmd]}`, code: 0 };
  return null;
}
