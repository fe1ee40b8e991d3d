const fs = require('fs');
const file = fs.readdirSync('.').find(f => f.endsWith('.cpuprofile'));
const p = JSON.parse(fs.readFileSync(file));
const self = new Map(); const byId = new Map(p.nodes.map(n => [n.id, n]));
const dt = p.timeDeltas; const total = dt.reduce((a,b)=>a+b,0);
const counts = new Map();
p.samples.forEach((id, i) => counts.set(id, (counts.get(id)||0) + dt[i]));
for (const [id, t] of counts) { const n = byId.get(id); const k = `${n.callFrame.functionName||'(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k)||0)+t); }
console.log('total ms', (total/1000).toFixed(0));
console.log([...self].sort((a,b)=>b[1]-a[1]).slice(0,25).map(([k,t])=>`${(t/1000).toFixed(0).padStart(7)} ${k}`).join('\n'));
