const Database = require('/work/main/node_modules/better-sqlite3');
const db = new Database(process.argv[2]);
const ids = db.prepare('SELECT article_id FROM related_index ORDER BY random() LIMIT 2000').all().map(r => r.article_id);
const q = db.prepare(`SELECT article_id, term, weight FROM article_terms WHERE article_id IN (${ids.slice(0,50).map(()=>'?').join(',')})`);
let t = performance.now(); let rows = 0;
for (let i = 0; i < 40; i++) rows += q.all(...ids.slice(i*50, i*50+50)).length;
console.log('terms per 50', ((performance.now()-t)/40).toFixed(2), 'ms', rows/40, 'rows');
console.log(db.prepare(`EXPLAIN QUERY PLAN SELECT article_id, term, weight FROM article_terms WHERE article_id IN (1,2,3)`).all());
const prof = db.prepare('SELECT term, weight FROM article_terms WHERE article_id = ?').all(ids[0]);
const vals = prof.map(() => '(CAST(? AS VARCHAR(200)), CAST(? AS DOUBLE PRECISION))').join(', ');
const cq = db.prepare(`WITH q (term, weight) AS (VALUES ${vals}) SELECT t.article_id AS id, SUM(t.weight * q.weight) AS dot FROM q CROSS JOIN article_terms t CROSS JOIN related_index r WHERE t.term = q.term AND r.article_id = t.article_id AND r.language = ? AND t.article_id <> ? GROUP BY t.article_id ORDER BY dot DESC, t.article_id LIMIT 50`);
const lang = db.prepare('SELECT language FROM related_index WHERE article_id = ?').get(ids[0]).language;
t = performance.now();
for (let i = 0; i < 50; i++) cq.all(...prof.flatMap(p => [p.term, p.weight]), lang, ids[0]);
console.log('candidates', ((performance.now()-t)/50).toFixed(2), 'ms');

const post = db.prepare(`SELECT COUNT(*) n FROM article_terms WHERE term IN (${prof.map(()=>'?').join(',')})`).get(...prof.map(p=>p.term));
console.log('postings', post);
console.log(db.prepare('SELECT COUNT(*) n FROM article_terms').get(), db.prepare('SELECT COUNT(*) n FROM related_index').get());
