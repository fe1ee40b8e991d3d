import http from 'node:http';
import Database from 'better-sqlite3';

/**
 * The baseline: the same four SQL statements Habari runs for LIST_QUERY, by
 * hand on better-sqlite3, and JSON.stringify on plain node:http. No GraphQL,
 * no ORM: the fastest this answer can reasonably be produced in Node.
 */
const db = new Database(process.argv[2], { readonly: true });
const listArticles = db.prepare(
  `SELECT id, title, slug, language, standfirst, published_at, reading_time_minutes, category_id, source_id, lead_image_id
   FROM articles WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id DESC LIMIT 21`,
);
const byIds = (table: string, columns: string) => (ids: number[]) =>
  ids.length ? (db.prepare(`SELECT id, ${columns} FROM ${table} WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as any[]) : [];
const categories = byIds('categories', 'name, slug');
const sources = byIds('sources', 'name');
const images = byIds('images', 'url, caption, credit');
const toGlobalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');
const index = (rows: any[]) => new Map(rows.map((row) => [row.id, row]));

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const rows = (listArticles.all() as any[]).slice(0, 20);
    const unique = (key: string) => [...new Set(rows.map((r) => r[key]).filter((v) => v != null))] as number[];
    const cats = index(categories(unique('category_id')));
    const srcs = index(sources(unique('source_id')));
    const imgs = index(images(unique('lead_image_id')));
    const edges = rows.map((r) => {
      const c = cats.get(r.category_id);
      const s = srcs.get(r.source_id);
      const i = imgs.get(r.lead_image_id);
      return {
        node: {
          id: toGlobalId('Article', r.id),
          title: r.title,
          slug: r.slug,
          language: r.language,
          standfirst: r.standfirst,
          publishedAt: new Date(Number(r.published_at)).toISOString(),
          readingTimeMinutes: r.reading_time_minutes,
          category: c ? { name: c.name, slug: c.slug } : null,
          source: s ? { name: s.name } : null,
          leadImage: i ? { url: i.url, caption: i.caption, credit: i.credit } : null,
        },
      };
    });
    const body = JSON.stringify({ data: { articles: { edges } } });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as any).port }));
