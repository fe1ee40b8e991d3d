/**
 * Runs of letters and digits: what a term is in every search engine we feed
 * (SQLite's unicode61 and PostgreSQL split on everything else). Global, so
 * use it only with matchAll, match or replace, which never carry its state over.
 */
export const LETTER_OR_DIGIT_RUNS = /[\p{L}\p{N}]+/gu;
