import fs from 'fs'; import YAML from 'yaml';
const dir='/work/wt/i12/data/vendors/';
const all=[];
for (const f of fs.readdirSync(dir)) { const d=YAML.parse(fs.readFileSync(dir+f,'utf8')); for (const e of d.entries) all.push({v:d.vendor.id,...e}); }
const mode=process.argv[2];
if(mode==='shared'){ for (const lang of ['en','zh']) { const m=new Map(); for(const e of all){const k=e.remedy[lang]; if(!m.has(k))m.set(k,[]); m.get(k).push(e.v+'/'+e.code);} const s=[...m].filter(([k,v])=>v.length>3).sort((a,b)=>b[1].length-a[1].length); console.log(lang, 'clusters>3:', s.length, 'entries', s.reduce((a,b)=>a+b[1].length,0), 'max', s[0]?.[1].length); for(const [k,v] of s) console.log(v.length, JSON.stringify(k).slice(0,100), v.slice(0,8).join(' ')); } }
if(mode==='vt'){ const c={}; for(const e of all){const k=e.v+' remedy:'+e.remedy.vendor_text+' meaning:'+e.meaning.vendor_text; c[k]=(c[k]||0)+1;} console.log(c); const k={}; for(const e of all){k[e.v+' '+e.kind+' '+e.category]=(k[e.v+' '+e.kind+' '+e.category]||0)+1;} }
if(mode==='nums'){ const nums=s=>(s.match(/\d+(?:\.\d+)?/g)||[]).map(x=>x).sort().join(','); let n=0; for(const e of all){ for(const f of ['meaning','remedy']){ if(nums(e[f].en)!==nums(e[f].zh)){n++; console.log(e.v+'/'+e.code, f, '|', nums(e[f].en),'|',nums(e[f].zh)); } } for(const [i,nt] of (e.notes||[]).entries()){ if(nums(nt.en)!==nums(nt.zh)){n++; console.log(e.v+'/'+e.code,'note',i,'|',nums(nt.en),'|',nums(nt.zh));}} } console.log(n); }
