import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';
const db = await loadAwsServiceSpec();
const types = process.argv.slice(2);
function dump(props, indent, depth) {
  for (const [k, p] of Object.entries(props)) {
    const t = p.type;
    let desc = t.type;
    let ref = null;
    if (t.type === 'ref') ref = t.reference.$ref;
    if (t.type === 'array' && t.element.type === 'ref') { ref = t.element.reference.$ref; desc = 'array<ref>'; }
    if (t.type === 'map' && t.element.type === 'ref') { ref = t.element.reference.$ref; desc = 'map<ref>'; }
    if (t.type === 'array' && t.element.type !== 'ref') desc = 'array<' + t.element.type + '>';
    console.log(indent + k + ' : ' + desc);
    if (ref && depth < 4) dump(db.get('typeDefinition', ref).properties, indent + '  ', depth + 1);
  }
}
for (const ty of types) {
  const rs = db.lookup('resource','cloudFormationType','equals',ty);
  if (rs.length === 0) { console.log('MISSING', ty); continue; }
  const r = rs.only();
  console.log('== ' + ty);
  if (process.env.DEEP) dump(r.properties, '  ', 0); else console.log(Object.keys(r.properties).join(', '));
}
