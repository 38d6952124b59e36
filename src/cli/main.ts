// Why this file exists: the `ferrowave` command line: `run`, `record`, `presets`, `params`,
// `validate`, `sweep`, `merge`, `report`, `fit`, `help`.
// Usage errors and invalid scenarios exit with code 2 and one line per problem.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { PARAMS } from '../model/params';
import { PRESET_NAMES, PRESETS } from '../model/presets';
import { printable } from '../model/printable';
import { formatProblem, omittedText, ScenarioError } from '../model/scenario';
import { FERROWAVE_VERSION } from '../model/version';
import { RECORD_USAGE, RecordUsageError, parseRecordArgs, recordCommand } from './record-command';
import { RecordOptionError } from '../record/options';
import { CliError } from './cli-error';
import { helpRequest } from './help';
import { RUN_DETAILS, RUN_USAGE, runCommand } from './run-command';
import { loadScenario } from './scenario-input';
import { mergeCommand } from './merge-command';
import { reportCommand } from './report-command';
import { SWEEP_USAGE, sweepCommand } from './sweep-command';
import { UsageError } from './usage-error';
import { VALIDATE_USAGE, validateCommand } from './validate-command';
import { SweepError } from '../sweep/spec';
import { FitError } from '../fit/spec';
import { FIT_USAGE, fitCommand } from './fit-command';

const USAGE = `ferrowave ${FERROWAVE_VERSION}: agent-based ferroptosis sandbox (headless)

Usage:
${RUN_USAGE}
  ferrowave presets            list the shipped presets
  ferrowave params             list every model parameter with unit, default, range and source
${VALIDATE_USAGE}
${RECORD_USAGE}
${SWEEP_USAGE}
${FIT_USAGE}
  ferrowave help [COMMAND]     this text, or one command's (also: ferrowave COMMAND --help)
  ferrowave --version

${RUN_DETAILS}`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  const asked = helpRequest(cmd, rest, USAGE);
  if (asked) {
    (asked.code === 0 ? console.log : console.error)(asked.text);
    return asked.code;
  }
  try {
    switch (cmd) {
      case 'run':
        return await run(rest);
      case 'record':
        return await record(rest);
      case 'validate':
        return await validateCommand(rest);
      case 'sweep':
        return await sweepCommand(rest);
      case 'merge':
        return await mergeCommand(rest);
      case 'report':
        return await reportCommand(rest);
      case 'fit':
        return await fitCommand(rest);
      case 'presets':
        for (const n of PRESET_NAMES) console.log(`${n.padEnd(28)} ${String(PRESETS[n].description ?? '')}`);
        return 0;
      case 'params':
        for (const p of PARAMS)
          console.log(`${p.name.padEnd(22)} ${String(p.default).padStart(8)} ${p.unit.padEnd(14)} [${p.min}, ${p.max}]  ${p.doc}. Source: ${p.source}`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return 0;
      default:
        throw new UsageError(`unknown command "${cmd}"; commands: run, record, presets, params, validate, sweep, merge, report, fit, help, --version`);
    }
  } catch (e) {
    // messages can quote files and arguments: printable() shows control characters as \u escapes
    if (e instanceof ScenarioError || e instanceof SweepError || e instanceof FitError) {
      const n = e.problems.length + e.omitted;
      const what = e instanceof SweepError ? 'sweep' : e instanceof FitError ? 'fit' : 'scenario';
      console.error(`ferrowave: invalid ${what} (${n} problem${n > 1 ? 's' : ''}):`);
      for (const p of e.problems) console.error(`  ${formatProblem(p)}`);
      if (e.omitted) console.error(`  ${omittedText(e.omitted).trim()}`);
      return 2;
    }
    if (e instanceof RecordOptionError) {
      console.error(`ferrowave: invalid record option${e.problems.length > 1 ? 's' : ''}:`);
      for (const p of e.problems) console.error(`  ${printable(p)}`);
      return 2;
    }
    if (e instanceof RecordUsageError) {
      console.error(`ferrowave: ${printable(e.message)}\n\nUsage:\n${RECORD_USAGE}`);
      return 2;
    }
    if (e instanceof UsageError) {
      console.error(`ferrowave: ${printable(e.message)}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof CliError) {
      console.error(`ferrowave: ${printable(e.message, true)}`);
      return e.code;
    }
    console.error(`ferrowave: ${printable((e as Error).message, true)}`);
    return 1;
  }
}

async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseRunArgs>;
  try {
    parsed = parseRunArgs(args);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('run takes exactly one scenario (a .json file or a preset name)');
  if (!values.out) throw new UsageError('run needs --out DIR');
  const workers = values.workers === undefined ? Math.min(2, availableParallelism()) : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new UsageError(`--workers must be an integer from 0 to 64, got ${values.workers}`);
  const sc = loadScenario(positionals[0], { seed: values.seed, set: values.set });
  const dir = await runCommand(sc, {
    out: values.out,
    workers,
    cellsCsv: Boolean(values['cells-csv']),
    force: Boolean(values.force),
    quiet: Boolean(values.quiet),
  });
  console.log(dir);
  return 0;
}

async function record(args: string[]): Promise<number> {
  // every option and the scenario checked before the server or the browser starts
  const job = parseRecordArgs(args);
  try {
    const r = await recordCommand(job);
    console.log(r.out);
    return 0;
  } catch (e) {
    const msg = (e as Error).message;
    // the page refuses a format its encoder cannot make at that size: a usage error too
    const refused = msg.match(/format: .* is not supported by this browser's encoder[^\n]*/);
    if (refused) {
      console.error(`ferrowave: invalid record option:\n  ${refused[0]}`);
      return 2;
    }
    throw e;
  }
}

function parseRunArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      seed: { type: 'string' },
      workers: { type: 'string' },
      set: { type: 'string', multiple: true },
      'cells-csv': { type: 'boolean' },
      force: { type: 'boolean' },
      quiet: { type: 'boolean' },
    },
  });
}
