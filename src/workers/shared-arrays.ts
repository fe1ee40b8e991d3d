// Typed arrays on shared memory: worker threads read them in place (no copy when posted).

export const sharedBytes = (length: number) => new Uint8Array(new SharedArrayBuffer(length));
export const sharedInt32 = (length: number) => new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT));
export const sharedFloat64 = (length: number) => new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));
