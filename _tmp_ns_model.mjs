import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';
import { readFileSync } from 'node:fs';
const db = await loadAwsServiceSpec();
const s = db.all('service')[5]; console.log(JSON.stringify(s));
const cat = JSON.parse(readFileSync('data/generated/cfn-catalog.json','utf8'));
const ns = new Set(Object.values(cat.types).map(t=>t.namespace));
const sns = new Set(db.all('service').map(s=>s.cloudFormationNamespace));
console.log(ns.size, [...ns].filter(n=>!sns.has(n)), [...sns].filter(n=>!ns.has(n)));
