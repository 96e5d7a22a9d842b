import { assertNever } from '../lib/assert-never.ts';
/**
 * Checks that fit event loops, as pure functions: what a reader's program did (an observation,
 * reported by the kernel-side harness) is held against rules about order, counts and source, and
 * the first rule that fails becomes feedback in plain words, as Exercism and gradethis report.
 */

/** What the harness saw when it ran the reader's code on a fresh namespace with a virtual clock. */
export interface Observation {
  /** The lines the program printed, in order. */
  lines: string[];
  /** The error that ended the program, if one did. */
  error: { ename: string; evalue: string } | null;
  /** The program ran past its time limit and was stopped. */
  timedOut: boolean;
  /** How many times the program read the clock (time.time() or Date.now() and friends). */
  clockReads: number;
  /** Values the harness read from the reader's namespace after the run, by name. */
  values: Record<string, unknown>;
}

/** A number the count rules compare: a literal, a value from the namespace, or the clock reads. */
export type Quantity = number | { value: string } | 'clockReads';

export type Relation = '>' | '>=' | '<' | '<=' | '==';

export type Rule =
  | { kind: 'no-error'; message?: string }
  | { kind: 'prints'; line: string; message?: string }
  | { kind: 'not-prints'; line: string; message?: string }
  /** `first` is printed, and before `then`: "Start pong before End ping". */
  | { kind: 'before'; first: string; then: string; expected?: string; instead?: string }
  /** The whole transcript, line for line. */
  | { kind: 'lines'; expected: string[]; message?: string }
  | { kind: 'count'; label: string; of: Quantity; relation: Relation; than: Quantity; message?: string }
  /** The reader's source must not match `pattern` (a regular expression). */
  | { kind: 'source-lacks'; pattern: string; description: string; message?: string }
  | { kind: 'source-has'; pattern: string; description: string; message?: string }
  /** The reader said what the program prints (a list of lines in `name`), and said it right. */
  | { kind: 'said-output'; name: string; message?: string };

export interface RuleResult {
  rule: Rule;
  passed: boolean;
  /** What was expected and what happened, in one sentence; empty when the rule passed. */
  message: string;
}

export interface Feedback {
  solved: boolean;
  /** The sentence the reader reads first. */
  summary: string;
  /** Every rule's result, in the order the exercise lists them; `[]` when the run was stopped. */
  results: RuleResult[];
}

const quote = (line: string) => `“${line}”`;
const formatNumber = (n: number) => n.toLocaleString('en-US');

const RELATION_WORDS: Record<Relation, string> = {
  '>': 'more than',
  '>=': 'at least',
  '<': 'fewer than',
  '<=': 'at most',
  '==': 'exactly',
};

function compare(a: number, relation: Relation, b: number): boolean {
  switch (relation) {
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '==':
      return a === b;
    default:
      return assertNever(relation, 'relation');
  }
}

function resolve(quantity: Quantity, observation: Observation): number | undefined {
  if (typeof quantity === 'number') return quantity;
  if (quantity === 'clockReads') return observation.clockReads;
  const value = observation.values[quantity.value];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function describeQuantity(quantity: Quantity, observation: Observation): string {
  if (typeof quantity === 'number') return formatNumber(quantity);
  if (quantity === 'clockReads') return `the ${formatNumber(observation.clockReads)} times the clock was read`;
  return `\`${quantity.value}\``;
}

function printed(lines: string[]): string {
  return lines.length === 0 ? 'nothing was printed' : `it printed ${lines.map(quote).join(', ')}`;
}

function failure(rule: Rule, observation: Observation, source: string): string | undefined {
  const { lines } = observation;
  switch (rule.kind) {
    case 'no-error':
      return observation.error
        ? `expected your code to run without an error; it raised ${observation.error.ename}: ${observation.error.evalue}`
        : undefined;
    case 'prints':
      return lines.includes(rule.line) ? undefined : `expected ${quote(rule.line)} to be printed; ${printed(lines)}`;
    case 'not-prints':
      return lines.includes(rule.line) ? `expected ${quote(rule.line)} not to be printed; it was` : undefined;
    case 'before': {
      const first = lines.indexOf(rule.first);
      const then = lines.indexOf(rule.then);
      const expected = rule.expected ?? `${quote(rule.first)} before ${quote(rule.then)}`;
      if (first === -1) return `expected ${expected}; ${quote(rule.first)} was never printed`;
      if (then === -1) return `expected ${expected}; ${quote(rule.then)} was never printed`;
      if (first < then) return undefined;
      return `expected ${expected}; ${rule.instead ?? `${quote(rule.then)} came first`}`;
    }
    case 'lines': {
      const at = rule.expected.findIndex((line, i) => lines[i] !== line);
      if (at === -1 && lines.length === rule.expected.length) return undefined;
      if (at === -1) return `expected ${rule.expected.length} lines; after them came ${quote(lines[rule.expected.length]!)}`;
      const got = lines[at];
      return `expected line ${at + 1} to be ${quote(rule.expected[at]!)}; ${got === undefined ? 'the output ended there' : `it was ${quote(got)}`}`;
    }
    case 'count': {
      const value = resolve(rule.of, observation);
      const limit = resolve(rule.than, observation);
      if (value === undefined) return `expected ${describeQuantity(rule.of, observation)} to be a number; it is not set`;
      if (limit === undefined) return `expected ${describeQuantity(rule.than, observation)} to be a number; it is not set`;
      if (compare(value, rule.relation, limit)) return undefined;
      return `expected ${RELATION_WORDS[rule.relation]} ${formatNumber(limit)} ${rule.label}; there were ${formatNumber(value)}`;
    }
    case 'source-lacks':
      return new RegExp(rule.pattern).test(source) ? `expected ${rule.description}; your code has one` : undefined;
    case 'source-has':
      return new RegExp(rule.pattern).test(source) ? undefined : `expected ${rule.description}; your code has none`;
    case 'said-output': {
      const said = observation.values[rule.name];
      if (!Array.isArray(said) || said.length === 0) return `expected \`${rule.name}\` to list the lines in the order you expect; it is empty`;
      const at = lines.findIndex((line, i) => said[i] !== line);
      if (at === -1 && said.length === lines.length) return undefined;
      if (at === -1) return `expected \`${rule.name}\` to end where the output ends, after ${quote(lines.at(-1) ?? '')}; it goes on`;
      const yours = said[at] === undefined ? 'ends there' : `says ${quote(String(said[at]))}`;
      return `expected \`${rule.name}\` to match the output; at line ${at + 1} the program printed ${quote(lines[at]!)}, and yours ${yours}`;
    }
    default:
      return assertNever(rule, 'rule');
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Holds an observation against the rules; the first failing rule, in the listed order, leads. */
export function evaluate(rules: readonly Rule[], observation: Observation, source: string, limitSeconds: number): Feedback {
  if (observation.timedOut) {
    return {
      solved: false,
      summary: `Not solved yet: your code was still running after ${limitSeconds} seconds, so it was stopped. Is there a loop that never ends?`,
      results: [],
    };
  }
  const results = rules.map((rule): RuleResult => {
    const found = failure(rule, observation, source);
    const message = found === undefined ? '' : (('message' in rule && rule.message) || found);
    return { rule, passed: found === undefined, message };
  });
  const first = results.find((result) => !result.passed);
  return {
    solved: first === undefined,
    summary: first ? `Not solved yet: ${first.message}.` : 'Solved: every check passed.',
    results,
  };
}

/** Feedback for a check that could not run at all (a kernel that failed, a broken harness). */
export function notChecked(reason: string): Feedback {
  return { solved: false, summary: `Not checked: ${capitalize(reason)}`, results: [] };
}
