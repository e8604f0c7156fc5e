import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
const mine = ['ecs','eks','dynamodb','elasticbeanstalk','opensearch','cloudfront'];
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const vs = ajv.compile(JSON.parse(readFileSync('data/schema/service.schema.json','utf8')));
const vsrc = ajv.compile(JSON.parse(readFileSync('data/schema/sources.schema.json','utf8')));
const ids = new Set();
for (const f of readdirSync('data/sources')) {
  if (!f.endsWith('.yaml')) continue;
  try { const d = parse(readFileSync('data/sources/'+f,'utf8'), {uniqueKeys:true});
    if (f === 'batch-compute.yaml' && !vsrc(d)) console.log(f, vsrc.errors);
    for (const s of d.sources ?? []) { if (ids.has(s.id)) console.log('dup source', s.id, f); ids.add(s.id); } } catch(e) { console.log('ERR', f, e.message.split('\n')[0]); }
}
const owners = new Map();
for (const f of readdirSync('data/services')) {
  if (!f.endsWith('.yaml')) continue;
  let d; try { d = parse(readFileSync('data/services/'+f,'utf8'), {uniqueKeys:true}); } catch(e) { console.log('ERR', f, e.message.split('\n')[0]); continue; }
  for (const rt of d.resource_types ?? []) for (const t of [rt.cfn, rt.tf]) if (t) { if (owners.has(t) && owners.get(t)!==d.id) console.log('TYPE CLASH', t, owners.get(t), d.id); owners.set(t, d.id); }
  for (const ns of d.namespaces ?? []) { const k='ns:'+ns; if (owners.has(k)&&owners.get(k)!==d.id) console.log('NS CLASH', ns, owners.get(k), d.id); owners.set(k,d.id); }
  const id = f.replace('.yaml','');
  if (!mine.includes(id)) continue;
  if (!vs(d)) for (const e of vs.errors.slice(0,20)) console.log(f, e.instancePath, e.message, JSON.stringify(e.params));
  const refs = []; const walk = (n) => { if (Array.isArray(n)) n.forEach(walk); else if (n && typeof n==='object') { if (typeof n.ref==='string') refs.push(n.ref); if (n.source && typeof n.source==='string' && n.url) refs.push(n.source); Object.values(n).forEach(walk);} };
  walk(d); for (const r of refs) if (!ids.has(r)) console.log(f, 'unknown source', r);
  const shiftIds = new Set((d.shifts??[]).map(s=>s.id));
  const items = [...(d.aws??[])]; for (const [dom, e] of Object.entries(d.customer??{})) if (Array.isArray(e)) for (const it of e) { if (it.domain!==dom) console.log(f,'domain mismatch',it.id); items.push(it);} 
  const seen = new Set();
  for (const it of items) { if (!it.id.startsWith(id+'.')) console.log(f,'bad id',it.id); if (seen.has(it.id)) console.log(f,'dup',it.id); seen.add(it.id); for (const s of it.shifts??[]) if(!shiftIds.has(s)) console.log(f,'unknown shift',s); if (it.text.length>160) console.log(f,'long text',it.id);
    for (const sr of it.sources) if (sr.quote && sr.quote.split(/\s+/).length>25) console.log(f,'long quote',it.id); }
  for (const s of d.shifts??[]) { if (s.states.filter(x=>x.default).length>1) console.log(f,'multi default',s.id); }
  console.log(f, 'checked', items.length, 'items; stated', items.filter(i=>i.basis==='stated').length, 'derived', items.filter(i=>i.basis==='derived').length, 'hover', d.summary.hover.length);
}
