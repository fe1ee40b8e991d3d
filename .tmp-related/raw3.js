const Database = require('/work/main/node_modules/better-sqlite3');
const db = new Database(process.argv[2]);
const vals = ['(CAST(? AS VARCHAR(200)), CAST(? AS DOUBLE PRECISION))','(CAST(? AS VARCHAR(200)), CAST(? AS DOUBLE PRECISION))'].join(', ');
const sql = `WITH q (term, weight) AS (VALUES ${vals}) SELECT t.article_id AS id, SUM(t.weight * q.weight) AS dot FROM q CROSS JOIN article_terms t CROSS JOIN related_index r WHERE t.term = q.term AND r.article_id = t.article_id AND r.language = ? AND t.article_id <> ? GROUP BY t.article_id ORDER BY dot DESC, t.article_id LIMIT 50`;
for (const r of db.prepare('EXPLAIN QUERY PLAN ' + sql).all('a', 1, 'b', 2, 'sw', 3)) console.log(r.detail);
