import { mkdirSync, writeFileSync } from 'node:fs';

export const CASE_KINDS = [
  'client-call',
  'page-sample',
  'declared-response',
  'auth',
  'wrong-type',
  'missing-required',
  'unknown-enum-value',
  'unknown-property',
  'wrong-content-type',
  'malformed-json',
  'oversized-body',
  'bad-path-value',
  'bad-query-value',
  'unsupported-method',
  'generated-valid',
  'generated-invalid',
  'camel-case',
  'camel-case-binding',
  'request-media-type',
  'response-media-type',
] as const;

export type CaseKind = (typeof CASE_KINDS)[number];

interface Reasoned {
  operationId: string;
  kind: CaseKind;
  reason: string;
}

/**
 * What the suite ran, by operation and kind of case, for the summary printed at its end. Every
 * kind of case is, for every operation, run, skipped for a reason, or not applicable for one.
 */
export class Summary {
  readonly covered = new Set<string>();
  readonly cases = new Map<CaseKind, number>();
  readonly skipped: Reasoned[] = [];
  readonly notApplicable: Reasoned[] = [];
  /** What the target cannot check, said once (Prism's limits). */
  readonly notes = new Set<string>();
  readonly mode: string;
  readonly declared: string[];
  readonly #ran = new Set<string>();
  constructor(mode: string, declared: string[]) {
    this.mode = mode;
    this.declared = declared;
  }

  count(operationId: string, kind: CaseKind, n = 1): void {
    this.covered.add(operationId);
    this.#ran.add(`${operationId} ${kind}`);
    this.cases.set(kind, (this.cases.get(kind) ?? 0) + n);
  }

  skip(operationId: string, kind: CaseKind, reason: string): void {
    this.skipped.push({ operationId, kind, reason });
  }

  /** A kind of case that does not exist for the operation: registered as no test at all. */
  notApplicableTo(operationId: string, kind: CaseKind, reason: string): void {
    this.notApplicable.push({ operationId, kind, reason });
  }

  note(text: string): void {
    this.notes.add(text);
  }

  /** `operationId kind` for every kind of case that neither ran, nor was skipped, nor is n/a. */
  gaps(): string[] {
    const accounted = new Set([...this.#ran, ...[...this.skipped, ...this.notApplicable].map((r) => `${r.operationId} ${r.kind}`)]);
    return this.declared.flatMap((operationId) => CASE_KINDS.map((kind) => `${operationId} ${kind}`)).filter((cell) => !accounted.has(cell));
  }

  text(): string {
    const total = [...this.cases.values()].reduce((a, b) => a + b, 0);
    const lines = [
      `contract summary (${this.mode}): ${this.covered.size} of ${this.declared.length} declared operations covered, ${total} cases`,
      ...CASE_KINDS.filter((kind) => this.cases.has(kind)).map((kind) => `  ${kind.padEnd(20)} ${this.cases.get(kind)}`),
      ...grouped('not applicable', 'n/a', this.notApplicable),
      ...grouped('skipped', 'skipped', this.skipped),
      ...(this.notes.size ? [`  not checked by Prism: ${this.notes.size}`, ...[...this.notes].map((text) => `    - ${text}`)] : []),
    ];
    return lines.join('\n');
  }

  write(): void {
    mkdirSync('test-results', { recursive: true });
    writeFileSync(
      `test-results/contract-summary-${this.mode}.json`,
      JSON.stringify(
        {
          mode: this.mode,
          declared: this.declared.length,
          covered: [...this.covered],
          cases: Object.fromEntries(this.cases),
          notApplicable: this.notApplicable,
          skipped: this.skipped,
          notes: [...this.notes],
        },
        null,
        2,
      ),
    );
  }
}

/**
 * One line per reason and set of operations, naming the kinds of case:
 * "wrong-content-type, malformed-json n/a: no request body (5: v1Batch_GetAll, …)".
 */
function grouped(title: string, label: string, entries: Reasoned[]): string[] {
  if (!entries.length) return [];
  const operations = new Map<string, Set<string>>();
  for (const { operationId, kind, reason } of entries) {
    const key = `${kind}\n${reason}`;
    operations.set(key, (operations.get(key) ?? new Set()).add(operationId));
  }
  const kinds = new Map<string, string[]>();
  for (const [key, ids] of operations) {
    const [kind, reason] = key.split('\n') as [string, string];
    const line = `${label}: ${reason} (${ids.size}: ${[...ids].join(', ')})`;
    kinds.set(line, [...(kinds.get(line) ?? []), kind]);
  }
  return [`  ${title}: ${entries.length}`, ...[...kinds].map(([line, names]) => `    - ${names.join(', ')} ${line}`)];
}
