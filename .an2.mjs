import fs from 'fs'; import YAML from 'yaml';
const cats = Object.fromEntries(YAML.parse(fs.readFileSync('data/categories.yaml','utf8')).categories.map(c=>[c.id,c]));
const dir='data/vendors/'; const all=[];
for (const f of fs.readdirSync(dir)) { const d=YAML.parse(fs.readFileSync(dir+f,'utf8')); for (const e of d.entries) all.push({v:d.vendor.id,...e}); }
const diff = all.filter(e=>e.retryable!==cats[e.category].retryable_default);
console.log(diff.length); for (const e of diff) console.log(e.v, e.kind, e.code, e.category, e.retryable, e.retryable_source, '|', e.remedy.en.slice(0,90));
