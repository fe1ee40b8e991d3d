// Typed arrays on shared memory: worker threads read them in place (no copy when posted).

export const sharedBytes = (length: number) => new Uint8Array(new SharedArrayBuffer(length));
export const sharedInt32 = (length: number) => new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT));
export const sharedFloat32 = (length: number) => new Float32Array(new SharedArrayBuffer(length * Float32Array.BYTES_PER_ELEMENT));
export const sharedFloat64 = (length: number) => new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));

/** A typed array that grows, on shared memory when `make` allocates there: a language's profiles are tens of millions of (term, weight) pairs. */
export class Growable<T extends Int32Array | Float32Array | Float64Array | Uint8Array> {
  constructor(
    public data: T,
    private readonly make: (size: number) => T,
    public length = 0,
  ) {}

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }

  /** Room for `more` values past length (growing by half at least, so appends stay amortised O(1)). */
  reserve(more: number): void {
    if (this.length + more <= this.data.length) return;
    const bigger = this.make(Math.max(1024, this.length + more, Math.ceil(this.data.length * 1.5)));
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }

  trimmed(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

/** Where `value` is among the first `length` of `values` (ascending), or undefined: a binary search. */
export function indexInAscending(values: Int32Array, length: number, value: number): number | undefined {
  let low = 0;
  let high = length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = values[middle];
    if (at === value) return middle;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}
