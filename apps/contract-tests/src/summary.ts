import { mkdirSync, writeFileSync } from 'node:fs';

export type CaseKind =
  | 'client-call'
  | 'page-sample'
  | 'declared-response'
  | 'auth'
  | 'negative'
  | 'generated-valid'
  | 'generated-invalid'
  | 'camel-case'
  | 'media-type'
  | 'prism-validation';

/** Counts what the suite ran, by kind, for the summary printed at its end. */
export class Summary {
  readonly covered = new Set<string>();
  readonly cases = new Map<CaseKind, number>();
  readonly skipped: string[] = [];
  readonly mode: string;
  readonly declared: string[];
  constructor(mode: string, declared: string[]) {
    this.mode = mode;
    this.declared = declared;
  }

  count(operationId: string, kind: CaseKind, n = 1): void {
    this.covered.add(operationId);
    this.cases.set(kind, (this.cases.get(kind) ?? 0) + n);
  }

  skip(reason: string): void {
    this.skipped.push(reason);
  }

  text(): string {
    const total = [...this.cases.values()].reduce((a, b) => a + b, 0);
    const lines = [
      `contract summary (${this.mode}): ${this.covered.size} of ${this.declared.length} declared operations covered, ${total} cases`,
      ...[...this.cases].map(([kind, n]) => `  ${kind.padEnd(20)} ${n}`),
      ...(this.skipped.length ? [`  skipped: ${this.skipped.length}`, ...this.skipped.map((reason) => `    - ${reason}`)] : []),
    ];
    return lines.join('\n');
  }

  write(): void {
    mkdirSync('test-results', { recursive: true });
    writeFileSync(
      `test-results/contract-summary-${this.mode}.json`,
      JSON.stringify({ mode: this.mode, declared: this.declared.length, covered: [...this.covered], cases: Object.fromEntries(this.cases), skipped: this.skipped }, null, 2),
    );
  }
}
