import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';
const db = await loadAwsServiceSpec();
function resolve(type, path) {
  const r = db.lookup('resource','cloudFormationType','equals',type);
  if (r.length===0) return 'NOTYPE';
  let props = r.only().properties;
  const segs = path.replace(/\[\?[^\]]*\]/g,'[*]').split('.');
  for (let i=0;i<segs.length;i++) {
    let s = segs[i].replace(/\[\*\]$/,'');
    const p = props?.[s];
    if (!p) return false;
    let t = p.type;
    if (t.type==='array'||t.type==='map') t = t.element;
    if (i===segs.length-1) return true;
    if (p.type.type==='map') { // map key segment
      // next seg is a key; skip it
      const el = p.type.element; i++; if (i===segs.length-1) return true;
      if (el.type==='ref') props = db.get('typeDefinition', el.reference.$ref).properties; else return i===segs.length-1;
    } else if (t.type==='ref') props = db.get('typeDefinition', t.reference.$ref).properties;
    else return false;
  }
  return true;
}
for (const svc of ['ecs','eks','dynamodb','elasticbeanstalk','opensearch','cloudfront']) {
  const d = parse(readFileSync(`data/services/${svc}.yaml`,'utf8'));
  const types = d.resource_types.map(r=>r.cfn).filter(Boolean);
  for (const t of types) if (resolve(t,'X')==='NOTYPE') console.log(svc,'MISSING TYPE',t);
  const items = [...d.aws, ...Object.values(d.customer).filter(Array.isArray).flat()];
  for (const it of items) for (const p of it.evidence?.cfn ?? []) { if (!types.some(t=>resolve(t,p)===true)) console.log(svc, it.id, 'evidence path not found:', p); }
  for (const s of d.shifts ?? []) {
    const paths = [s.trigger.cfn.path]; const walk=(c)=>{ if(!c) return; if (c.path) paths.push(c.path); (c.all||[]).forEach(walk); (c.any||[]).forEach(walk); walk(c.not); };
    s.states.forEach(st=>walk(st.when));
    for (const p of paths) { const ok = s.resource_types.cfn.filter(t=>resolve(t,p)===true); if (ok.length===0) console.log(svc, s.id, 'path not found', p); }
  }
}
console.log('paths checked');
