/**
 * Every long-lived resource registers how it closes, as it is opened;
 * `close()` runs them in reverse order of opening, once (graceful shutdown
 * for free: what was opened last depends on what was opened first).
 */
export class Closers {
  private readonly stack: Array<{ name: string; close: () => Promise<void> | void }> = [];
  private closing: Promise<void> | null = null;

  constructor(private readonly onError: (name: string, error: unknown) => void = () => {}) {}

  add(name: string, close: () => Promise<void> | void): void {
    this.stack.push({ name, close });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const { name, close } of [...this.stack].reverse()) {
        try {
          await close();
        } catch (error) {
          // Keep closing the rest: one failing resource must not leak the others.
          this.onError(name, error);
        }
      }
    })();
    return this.closing;
  }
}
