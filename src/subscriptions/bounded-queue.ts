/**
 * A FIFO between one producer that must never wait (a fan-out loop, a Redis
 * message handler) and one async consumer. It never grows past `limit`: a
 * push beyond it is dropped and marks the queue `overflowed`, and the owner
 * decides what that means (close a slow client, or re-read from the outbox).
 * `close()` ends a pending `next()` at once, so an idle subscription can be
 * torn down without waiting for one more event.
 */
export class BoundedQueue<T> implements AsyncIterableIterator<T> {
  private items: T[] = [];
  private head = 0;
  private waiter: ((result: IteratorResult<T>) => void) | null = null;
  private closed = false;
  overflowed = false;

  constructor(
    readonly limit: number,
    private readonly onOverflow: (queue: BoundedQueue<T>) => void = () => {},
    private readonly onClose: () => void = () => {},
  ) {}

  get size(): number {
    return this.items.length - this.head;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Never blocks; returns false when the item was dropped (closed or full). */
  push(item: T): boolean {
    if (this.closed) return false;
    if (this.waiter) {
      const resolve = this.waiter;
      this.waiter = null;
      resolve({ value: item, done: false });
      return true;
    }
    if (this.size >= this.limit) {
      if (!this.overflowed) {
        this.overflowed = true;
        this.onOverflow(this);
      }
      return false;
    }
    this.items.push(item);
    return true;
  }

  /** Drops what is queued and the overflow mark (the owner has another way to catch up). */
  clear(): void {
    this.items = [];
    this.head = 0;
    this.overflowed = false;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.size > 0) {
      const value = this.items[this.head];
      this.head += 1;
      // Compact now and then instead of shift(): O(1) per item.
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.items = [];
    this.head = 0;
    const resolve = this.waiter;
    this.waiter = null;
    resolve?.({ value: undefined, done: true });
    this.onClose();
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
