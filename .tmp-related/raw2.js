const Database = require('/work/main/node_modules/better-sqlite3');
const db = new Database(process.argv[2]);
const ids = db.prepare('SELECT article_id, language FROM related_index ORDER BY random() LIMIT 300').all();
const getProf = db.prepare('SELECT term, weight FROM article_terms WHERE article_id = ?');
let total = 0, tp = 0, worst = [];
for (const { article_id, language } of ids) {
  const prof = getProf.all(article_id);
  if (!prof.length) continue;
  const vals = prof.map(() => '(CAST(? AS VARCHAR(200)), CAST(? AS DOUBLE PRECISION))').join(', ');
  const cq = db.prepare(`WITH q (term, weight) AS (VALUES ${vals}) SELECT t.article_id AS id, SUM(t.weight * q.weight) AS dot FROM q CROSS JOIN article_terms t CROSS JOIN related_index r WHERE t.term = q.term AND r.article_id = t.article_id AND r.language = ? AND t.article_id <> ? GROUP BY t.article_id ORDER BY dot DESC, t.article_id LIMIT 50`);
  const t = performance.now();
  cq.all(...prof.flatMap(p => [p.term, p.weight]), language, article_id);
  const ms = performance.now() - t; total += ms;
  const n = db.prepare(`SELECT COUNT(*) n FROM article_terms WHERE term IN (${prof.map(()=>'?').join(',')})`).get(...prof.map(p=>p.term)).n;
  tp += n; worst.push([ms, n, language]);
}
console.log('avg ms', (total/ids.length).toFixed(2), 'avg postings', (tp/ids.length).toFixed(0));
worst.sort((a,b)=>b[0]-a[0]); console.log(worst.slice(0,5));
const top = db.prepare('SELECT term, COUNT(*) n FROM article_terms GROUP BY term ORDER BY n DESC LIMIT 15').all(); console.log(top);
