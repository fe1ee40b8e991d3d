import type { ArticleEntry } from './article-line.classifier';
import { textShape } from './text-shape';

/**
 * Joins the halves of images that pages print on two lines: "Image source, X"
 * and "Image caption, Y" (either order); an image URL then its caption; a caption line
 * then a bare "Picha: AA" credit line right under it (unless that line is the
 * title printed again: then the image has a credit and no caption).
 */
export function pairImageHalves(entries: ArticleEntry[], titleKey: string): ArticleEntry[] {
  const consumed = new Set<ArticleEntry>();
  for (let k = 0; k + 1 < entries.length; k += 1) {
    const current = entries[k];
    const next = entries[k + 1];
    const c = current.c;
    const n = next.c;
    const creditOnly = (x: typeof c) => x.kind === 'image' && x.caption === null && x.credit !== null;
    const captionOnly = (x: typeof c) => x.kind === 'image' && x.caption !== null && x.credit === null;
    if (c.kind === 'image' && n.kind === 'image' && ((creditOnly(c) && captionOnly(n)) || (captionOnly(c) && creditOnly(n)))) {
      next.c = { ...n, caption: c.caption ?? n.caption, credit: c.credit ?? n.credit, url: n.url ?? c.url, languages: [...c.languages, ...n.languages] };
      consumed.add(current);
    } else if (c.kind === 'imageUrl' && n.kind === 'image' && n.url === null) {
      next.c = { ...n, url: c.url };
      consumed.add(current);
    } else if (c.kind === 'text' && n.kind === 'image' && n.caption === null && n.credit !== null && next.line === current.line + 1 && textShape.titleKey(current.text) !== titleKey) {
      next.c = { ...n, caption: current.text };
      consumed.add(current);
    }
  }
  return entries.filter((entry) => !consumed.has(entry));
}
