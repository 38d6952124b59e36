// Why this file exists: what the fuzz suite asks of every input, in one place. A call on bad
// input must end quickly in a validation error whose every problem names a path (scenario.*,
// sweep.*, fit.*, --set ..., a design point, the file, a data file's line) with a short printable message, or in a valid
// result; never another exception, a hang, a huge message or a changed prototype.
import { hasControl } from '../../src/model/printable';
import { formatProblem, type Problem, ScenarioError } from '../../src/model/scenario';
import { ImportError } from '../../src/io/scenario-text';
import { SweepError } from '../../src/sweep/spec';
import { FitError } from '../../src/fit/spec';

type ValidationError = ScenarioError | SweepError | FitError | ImportError;
export type Verdict<T> = { ok: true; value: T; ms: number } | { ok: false; error: ValidationError; ms: number };

/** Paths a problem may name. */
const PATH = /^(scenario|sweep|fit|--set|design point \d+|scenario file|sweep file|\S+\.csv( line \d+)?)/;

/** Longest line of a formatted problem: the path, ~200 characters of value and the message. */
export const MAX_LINE = 1500;

/** Run `f`; a validation error is a verdict, anything else is rethrown with `label` (the failing case). */
export function judge<T>(label: string, f: () => T): Verdict<T> {
  const t0 = performance.now();
  try {
    const value = f();
    return { ok: true, value, ms: performance.now() - t0 };
  } catch (e) {
    const ms = performance.now() - t0;
    if (e instanceof ScenarioError || e instanceof SweepError || e instanceof FitError || e instanceof ImportError) return { ok: false, error: e, ms };
    throw new Error(`${label}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} (not a validation error)`);
  }
}

/** Why an error's report is not clear (every problem naming a path, short, printable), or null. */
export function unclear(error: ValidationError): string | null {
  if (error instanceof ImportError) {
    if (error.message.length > MAX_LINE) return `message of ${error.message.length} characters`;
    return hasControl(error.message.replace(/\n/g, ' ')) ? `control character in ${JSON.stringify(error.message)}` : null;
  }
  const problems: Problem[] = error.problems;
  if (problems.length === 0) return 'no problem listed';
  if (problems.length > 100) return `${problems.length} problems listed (at most 100)`;
  for (const p of problems) {
    if (!PATH.test(p.path)) return `problem without a path: ${JSON.stringify(p.path)}`;
    const line = formatProblem(p);
    if (line.length > MAX_LINE) return `a line of ${line.length} characters: ${line.slice(0, 200)}`;
    if (hasControl(line)) return `control character in ${JSON.stringify(line.slice(0, 300))}`;
    if (!p.message.trim()) return `no message for ${p.path}`;
  }
  return null;
}

/** The own keys of the built-in prototypes, to compare before and after: input must never add one. */
export function prototypeKeys(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype]
    .map((p) => Object.getOwnPropertyNames(p).sort().join(','))
    .join('|');
}
