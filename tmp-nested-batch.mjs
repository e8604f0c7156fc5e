import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';
const db = await loadAwsServiceSpec();
function nested(type){ if(type.type==='ref') return db.get('typeDefinition', type.reference.$ref).properties; if(type.type==='array'||type.type==='map') return nested(type.element); return undefined;}
for (const arg of process.argv.slice(2)) {
  const [t, path] = arg.split('#');
  let props = db.lookup('resource','cloudFormationType','equals',t).only().properties;
  for (const k of path.split('.')) { props = nested(props[k].type); }
  console.log(arg, ':', props ? Object.entries(props).map(([k,v])=>k+(v.defaultValue!==undefined?'='+v.defaultValue:'')).join(', ') : '(scalar/json)');
}
