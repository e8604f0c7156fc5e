import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';
const db = await loadAwsServiceSpec();
const args = process.argv.slice(2);
function props(type){ const r = db.lookup('resource','cloudFormationType','equals',type); const a=[...r]; return a.length? a[0]: null; }
function resolve(res, path){
  let propsObj = res.properties; let parts = path.replace(/\[\*\]|\[\d+\]/g,'').split('.');
  for (let i=0;i<parts.length;i++){
    const p = propsObj?.[parts[i]]; if(!p) return `MISSING at ${parts[i]}`;
    if (i===parts.length-1) return 'ok';
    let t = p.type; if (t.type==='array'||t.type==='map') t=t.element;
    if (t.type!=='ref') return `not a struct at ${parts[i]}`;
    propsObj = db.get('typeDefinition', t.reference.$ref).properties;
  }
}
if (args[0]==='list'){ for (const t of args.slice(1)){ const r=props(t); console.log(t, r? Object.keys(r.properties).join(', '):'NO SUCH TYPE'); } }
else { for (const a of args){ const [t,p]=a.split(' '); const r=props(t); console.log(a, r? resolve(r,p):'NO SUCH TYPE'); } }
