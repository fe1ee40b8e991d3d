require('/work/main/node_modules/reflect-metadata');
const fs = require('fs'), os = require('os'), path = require('path');
const { openCore } = require('/work/main/dist/src/core');
const { loadConfig, parseDatabaseUrl } = require('/work/main/dist/src/config');
const { loadBaseArticles, syntheticDrafts } = require('/work/main/dist/bench/related/related.corpus');
const { CORPUS_DIR } = require('/work/main/dist/src/seeding/demo.seed');
(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probe-'));
  const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', SEED_DEMO: 'false' }), database: parseDatabaseUrl(`sqlite:${path.join(dir, 'b.sqlite')}`) };
  const core = await openCore(config);
  const hooks = core.services.writer.hooks;
  console.log('hooks', hooks.length);
  if (process.env.DROP) { const drop = process.env.DROP.split(',').map(Number).sort((a,b)=>b-a); for (const i of drop) hooks.splice(i, 1); }
  const drafts = [...syntheticDrafts(loadBaseArticles(CORPUS_DIR), 3000)];
  const t = performance.now();
  await core.repositories.writes.transaction(async (tx) => { for (const d of drafts) await core.services.writer.upsert(tx, d); });
  console.log('ms', (performance.now() - t).toFixed(0), 'rate', (3000 * 1000 / (performance.now() - t)).toFixed(0), 'statements', core.statements.total);
  await core.close();
})();
