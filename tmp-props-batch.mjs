import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';
const db = await loadAwsServiceSpec();
const types = process.argv.slice(2);
for (const t of types) {
  const r = db.lookup('resource','cloudFormationType','equals',t);
  if (r.length===0) { console.log(t, 'MISSING'); continue; }
  console.log(t, ':', Object.keys(r.only().properties).join(', '));
}
