/**
 * URL-safe, human-readable slugs in any script: Latin letters lose their
 * accents ("Côte d'Ivoire" -> "cote-d-ivoire"), Ge'ez letters are kept as they
 * are (browsers show them; they percent-encode on the wire).
 */
const MAX_SLUG_LENGTH = 100;

export function slugify(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (folded.length <= MAX_SLUG_LENGTH) return folded;
  const cut = folded.slice(0, MAX_SLUG_LENGTH);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastDash) : cut;
}
