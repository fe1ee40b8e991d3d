/**
 * Operation names come from clients, and every distinct label value is a new
 * time series in Prometheus. So a label is a GraphQL name or nothing, and
 * once `max` distinct names were seen, new ones are counted as `other`.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly max = 200) {}

  of(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.seen.has(name)) return name;
    if (name.length > 64 || !/^[_A-Za-z][_0-9A-Za-z]*$/.test(name)) return 'invalid';
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(name);
    return name;
  }
}
