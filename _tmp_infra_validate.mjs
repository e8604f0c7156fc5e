import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const svc = ajv.compile(JSON.parse(readFileSync('data/schema/service.schema.json','utf8')));
const src = ajv.compile(JSON.parse(readFileSync('data/schema/sources.schema.json','utf8')));
const ids = new Map();
for (const f of readdirSync('data/sources')) { const d = parse(readFileSync('data/sources/'+f,'utf8'),{uniqueKeys:true}); if(!src(d)) console.log(f, JSON.stringify(src.errors.slice(0,5))); for (const s of d.sources) { if (ids.has(s.id)) console.log('DUP source', s.id, f, ids.get(s.id)); ids.set(s.id,f);} }
const owner = new Map(); const itemIds=new Set();
for (const f of readdirSync('data/services')) {
  let d; try { d = parse(readFileSync('data/services/'+f,'utf8'),{uniqueKeys:true}); } catch(e){ console.log(f,'PARSE',e.message.split('\n')[0]); continue; }
  const mine = process.argv.slice(2).includes(f);
  if (!svc(d) && mine) console.log(f, JSON.stringify(svc.errors.slice(0,8),null,0));
  for (const rt of d.resource_types??[]) for (const t of [rt.cfn, rt.tf]) { if(!t) continue; if (owner.has(t) && owner.get(t)!==d.id) console.log('TYPE CLAIMED TWICE', t, owner.get(t), d.id); owner.set(t,d.id); }
  if (!mine) continue;
  const refs=[]; const walk=(n)=>{ if(Array.isArray(n)) n.forEach(walk); else if(n&&typeof n==='object'){ if(typeof n.ref==='string') refs.push(n.ref); if (typeof n.source==='string' && n.url) refs.push(n.source); Object.values(n).forEach(walk);} }; walk(d);
  for (const r of refs) if(!ids.has(r)) console.log(f,'unknown source',r);
  const shiftIds = new Set((d.shifts??[]).map(s=>s.id));
  const items=[...d.aws, ...Object.entries(d.customer).flatMap(([k,v])=>Array.isArray(v)?v.map(i=>{ if(i.domain!==k) console.log('domain mismatch', i.id); return i;}):[])];
  for (const i of items){ if(!i.id.startsWith(d.id+'.')) console.log('bad id prefix', i.id); if(itemIds.has(i.id)) console.log('dup item', i.id); itemIds.add(i.id); for (const s of i.shifts??[]) if(!shiftIds.has(s)) console.log('unknown shift', s); for (const q of i.sources) if (q.quote && q.quote.split(/\s+/).length>25) console.log('quote>25 words', i.id); }
  for (const s of d.shifts??[]) { if(s.states.filter(x=>x.default).length!==1) console.log('defaults!=1', s.id); }
  for (const e of ['overrides']) for (const rt of d.resource_types) for (const x of [...(rt.overrides?.emphasize??[]), ...(rt.overrides?.hide??[])]) if(!itemIds.has(x)) console.log('override names unknown item', x);
  console.log(f,'ok-ish');
}
