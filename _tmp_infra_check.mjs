// checks cfn evidence paths, shift trigger/condition paths against the resource types of each service file
import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
const db = await loadAwsServiceSpec();
const res = (t) => { const a=[...db.lookup('resource','cloudFormationType','equals',t)]; return a[0]; };
function resolve(r, path){
  const parts = path.split('.'); let props = r.properties;
  for (let i=0;i<parts.length;i++){
    const m = parts[i].match(/^([A-Za-z0-9]+)(\[\*\]|\[\d+\])?$/); if(!m) return 'bad syntax';
    const p = props?.[m[1]]; if(!p) return 'missing '+m[1];
    let t = p.type; const isArr = t.type==='array'; if (isArr) t=t.element; if (t.type==='map') t=t.element;
    if (isArr && !m[2] && i<parts.length-1) return 'array without [*] at '+m[1];
    if (!isArr && m[2]) return '[*] on non-array '+m[1];
    if (i===parts.length-1) return 'ok';
    if (t.type!=='ref') return 'not struct '+m[1];
    props = db.get('typeDefinition', t.reference.$ref).properties;
  }
}
for (const f of process.argv.slice(2)){
  const doc = parse(readFileSync(f,'utf8'));
  const types = doc.resource_types.map(r=>r.cfn).filter(Boolean);
  for (const t of types) if(!res(t)) console.log(f,'NO TYPE',t);
  const check = (path, where, onTypes) => {
    const results = (onTypes||types).filter(res).map(t=>[t,resolve(res(t),path)]);
    if (!results.some(([,r])=>r==='ok')) console.log(f, where, path, JSON.stringify(results.filter(([,r])=>!r.startsWith('missing '+path.split(/[.[]/)[0]))));
  };
  const items = [...doc.aws, ...Object.values(doc.customer).filter(Array.isArray).flat()];
  for (const it of items) for (const p of it.evidence?.cfn??[]) { if(p.startsWith('AWS::')) continue; check(p, it.id); }
  for (const s of doc.shifts??[]) {
    const st = s.resource_types?.cfn; const trig = s.trigger?.cfn?.path; if (trig) check(trig, s.id+' trigger', st);
    const walk=(c)=>{ if(!c||typeof c!=='object') return; if(c.path) check(c.path, s.id+' cond', st); for(const k of ['all','any']) (c[k]||[]).forEach(walk); if(c.not) walk(c.not); if(c.cfn) walk(c.cfn); };
    for (const state of s.states) walk(state.when);
  }
  for (const it of items) { if (it.text.length>160) console.log('TEXT>160', it.id); else if (it.text.length>110) console.log('text>110', it.id, it.text.length); }
  console.log(f,'checked', items.length,'items', 'stated', items.filter(i=>i.basis==='stated').length, 'derived', items.filter(i=>i.basis==='derived').length);
}
