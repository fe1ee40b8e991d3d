import type { ValueTransformer } from 'typeorm';

/**
 * Timestamps are stored as UTC epoch milliseconds (BIGINT) on every dialect, so
 * SQLite and PostgreSQL sort, compare and paginate them identically and a
 * cursor is the same number on both. PostgreSQL returns BIGINT as a string.
 */
export const epochMs: ValueTransformer = {
  to: (value: Date | null | undefined) => (value == null ? value : value.getTime()),
  from: (value: string | number | null) => (value == null ? null : new Date(Number(value))),
};
