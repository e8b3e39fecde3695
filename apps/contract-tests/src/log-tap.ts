/**
 * The target's log lines, numbered from the start of the run. A test notes `count` when it begins
 * and reads `since(count)` when it fails: a position stays valid however many lines came before
 * (the mock's own `logs` keeps only its last 5000, so an index into it drifts once it is full).
 */
export class LogTap {
  readonly #keep: number;
  readonly #lines: string[] = [];
  /** Lines dropped from the front of #lines. */
  #dropped = 0;

  constructor(keep = 5000) {
    this.#keep = keep;
  }

  readonly push = (line: string): void => {
    this.#lines.push(line);
    // Drop in batches, so that a busy log is not copied on every line.
    if (this.#lines.length > 2 * this.#keep) {
      const excess = this.#lines.length - this.#keep;
      this.#lines.splice(0, excess);
      this.#dropped += excess;
    }
  };

  /** How many lines were logged so far. */
  get count(): number {
    return this.#dropped + this.#lines.length;
  }

  /** The lines logged since `count` was `from`, as far back as they are kept (at least the last `keep`). */
  since(from: number): string[] {
    return this.#lines.slice(Math.max(0, from - this.#dropped));
  }
}
