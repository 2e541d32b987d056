/**
 * Generates a synthetic data folder for scale tests and benchmarks (deterministic: same
 * arguments, same files). The real data is copied; synthetic entries are added either to the
 * real vendors (after their real entries, so real pages keep their neighbours) or as new vendors.
 *
 *   node scripts/generate-synthetic.ts --out /tmp/kb-10x --extra 5418 --mode append
 *   node scripts/generate-synthetic.ts --out /tmp/kb-2x --extra 602 --mode append --vendor baidu-face
 *   node scripts/generate-synthetic.ts --out /tmp/kb-50k --total 50000 --mode vendors
 *
 * `--vendor` appends every synthetic entry to that one vendor (else they are shared out in turn).
 * `--data` is the folder copied (default: data/, or KB_DATA_DIR): the benchmarks' smoke runs start
 * from test/fixtures/edge/, five entries, to build in seconds.
 * A synthetic vendor copies PicWish's vendor block and envelope, so it also gets PicWish's task-state
 * entries: its envelope reads task states (task_id_field), which only a vendor with some may do.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from '../src/node/data-files.ts';
import { scriptArgs } from './lib/script-args.ts';

const { values } = scriptArgs(import.meta.url, {
  out: { type: 'string' },
  extra: { type: 'string' },
  total: { type: 'string' },
  mode: { type: 'string', default: 'append' },
  'per-vendor': { type: 'string', default: '10000' },
  vendor: { type: 'string' },
  data: { type: 'string' },
});
if (!values.out || (!values.extra && !values.total)) {
  console.error('usage: generate-synthetic.ts --out DIR (--extra N | --total N) [--mode append|vendors] [--per-vendor N] [--vendor ID] [--data DIR]');
  process.exit(2);
}

const base = values.data ? resolve(values.data) : DEFAULT_DATA_DIR;
const categoryList = (parse(readFileSync(join(base, 'categories.yaml'), 'utf8')) as { categories: { id: string; retryable_default: boolean; action_default: string }[] })
  .categories;
const categories = categoryList.map((c) => c.id);
// Entries take their category's retryable_default and action_default (the validator asks for a reason otherwise).
const retryableDefault = new Map(categoryList.map((c) => [c.id, c.retryable_default]));
const actionDefault = new Map(categoryList.map((c) => [c.id, c.action_default]));
/** Each entry's own end-user message, worded for its action: no one message covers many entries, none promises a retry its action rules out. */
const USER_NEXT: Record<string, { en: string; zh: string }> = {
  'fix-input': { en: 'Please choose a different one.', zh: '请换一个再试。' },
  retry: { en: 'Please try again later.', zh: '请稍后再试。' },
  poll: { en: 'Please wait while we finish.', zh: '请等待处理完成。' },
  none: { en: 'Nothing to do.', zh: '无需操作。' },
};
const USER_NEXT_OTHER = { en: "We're looking into it.", zh: '我们正在处理。' };
const realCount = readdirSync(join(base, 'vendors')).reduce(
  (n, f) => n + (readFileSync(join(base, 'vendors', f), 'utf8').match(/^  - kind: /gm)?.length ?? 0),
  0,
);
const extra = values.extra ? Number(values.extra) : Math.max(0, Number(values.total) - realCount);

let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;

const SUBJECTS = ['image', 'face', 'token', 'request', 'task', 'file', 'parameter', 'user group', 'template', 'video', 'account', 'quota', 'signature', 'callback', 'model'];
const PROBLEMS = ['is invalid', 'is too large', 'was not found', 'already exists', 'has expired', 'is blurry', 'is not supported', 'timed out', 'is being processed', 'failed to download', 'exceeds the limit', 'is locked'];
const ZH_SUBJECTS = ['图片', '人脸', '令牌', '请求', '任务', '文件', '参数', '用户组', '模板', '视频', '账号', '配额', '签名', '回调', '模型'];
const ZH_PROBLEMS = ['无效', '过大', '不存在', '已存在', '已过期', '模糊', '不受支持', '超时', '正在处理', '下载失败', '超出限制', '已锁定'];
const ACTIONS = ['Check the request and send it again', 'Wait and retry with backoff', 'Use a different image', 'Refresh the token', 'Buy more quota', 'Contact the vendor with the request id'];
const ZH_ACTIONS = ['检查请求后重新发送', '等待后按退避策略重试', '更换一张图片', '刷新令牌', '购买更多配额', '携带请求 ID 联系厂商'];

function entryYaml(code: string): string {
  const s = Math.floor(rand() * SUBJECTS.length);
  const p = Math.floor(rand() * PROBLEMS.length);
  const a = Math.floor(rand() * ACTIONS.length);
  const q = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const category = pick(categories);
  const next = USER_NEXT[actionDefault.get(category) ?? ''] ?? USER_NEXT_OTHER;
  return [
    `  - kind: error`,
    `    code: ${q(code)}`,
    // No 429 or 503: with those a retried category must honour Retry-After, which not every one does.
    `    http_status: ${pick([null, 400, 401, 403, 404, 409, 413, 422, 500, 502])}`,
    `    message: ${q(`${SUBJECTS[s]} ${PROBLEMS[p]} (${code})`)}`,
    `    meaning: { en: ${q(`The ${SUBJECTS[s]} ${PROBLEMS[p]}.`)}, zh: ${q(`${ZH_SUBJECTS[s]}${ZH_PROBLEMS[p]}。`)}, vendor_text: none }`,
    `    remedy: { en: ${q(`${ACTIONS[a]}.`)}, zh: ${q(`${ZH_ACTIONS[a]}。`)}, vendor_text: none }`,
    `    category: ${category}`,
    `    retryable: ${retryableDefault.get(category)}`,
    `    end_user_message: { en: ${q(`The ${SUBJECTS[s]} ${PROBLEMS[p]}. ${next.en}`)}, zh: ${q(`${ZH_SUBJECTS[s]}${ZH_PROBLEMS[p]}。${next.zh}`)} }`,
    '',
  ].join('\n');
}

const out = values.out;
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'vendors'), { recursive: true });
cpSync(join(base, 'categories.yaml'), join(out, 'categories.yaml'));
// The real entries keep their equivalence groups (and so their pages their size).
if (existsSync(join(base, 'equivalence-groups.yaml'))) cpSync(join(base, 'equivalence-groups.yaml'), join(out, 'equivalence-groups.yaml'));
const vendorFiles = readdirSync(join(base, 'vendors')).sort();
for (const f of vendorFiles) cpSync(join(base, 'vendors', f), join(out, 'vendors', f));

if (values.mode === 'append') {
  // Entries are the last key of every vendor file, so appending list items extends them.
  const chunks = new Map<string, string[]>();
  const only = values.vendor ? `${values.vendor}.yaml` : undefined;
  if (only && !vendorFiles.includes(only)) {
    console.error(`--vendor ${values.vendor}: no such vendor in ${join(base, 'vendors')}`);
    process.exit(2);
  }
  for (let i = 0; i < extra; i++) {
    const file = only ?? vendorFiles[i % vendorFiles.length]!;
    const list = chunks.get(file) ?? [];
    // Numeric codes (9 digits, longer than any real one): vendors whose example body writes the code
    // as a JSON number can build one for them too.
    list.push(entryYaml(String(900_000_000 + i)));
    chunks.set(file, list);
  }
  for (const [file, list] of chunks) appendFileSync(join(out, 'vendors', file), `\n${list.join('')}`);
} else if (values.mode === 'vendors') {
  const perVendor = Number(values['per-vendor']);
  // The template is always the project's own PicWish file, whatever folder is copied.
  const picwish = readFileSync(join(PROJECT_ROOT, 'data', 'vendors', 'picwish.yaml'), 'utf8');
  // PicWish's task-state entries, as written (entries are the file's last key, one `  - kind:` item each).
  const taskStates = picwish
    .split('\nentries:\n')[1]!
    .split(/^(?=  - kind: )/m)
    .filter((item) => item.startsWith('  - kind: task-state'))
    .map((item) => `${item.trimEnd()}\n\n`)
    .join('');
  const taskStateCount = taskStates.match(/^  - kind: /gm)?.length ?? 0;
  for (let v = 0; v * perVendor < extra; v++) {
    const id = `synthetic-${String(v + 1).padStart(2, '0')}`;
    const count = Math.min(perVendor, extra - v * perVendor);
    const header = picwish
      .split('\nentries:\n')[0]!
      .replace(/^  id: picwish$/m, `  id: ${id}`)
      .replace(/^  name: \{ en: PicWish, zh: 佐糖 \}$/m, `  name: { en: Synthetic ${v + 1}, zh: 合成厂商 ${v + 1} }`)
      // None of PicWish's hosts or SDKs: a synthetic vendor must not claim PicWish's responses.
      .replace(/^  hosts: .*\n/m, '')
      .replace(/^  sdks: .*\n/m, '');
    // The copied task states count towards the vendor's entries, so --total stays the total.
    const body = Array.from({ length: Math.max(0, count - taskStateCount) }, (_, i) => entryYaml(`${90000000 + v * 100000 + i}`)).join('');
    writeFileSync(join(out, 'vendors', `${id}.yaml`), `${header}\nentries:\n${taskStates}${body}`);
  }
} else {
  console.error(`unknown --mode ${values.mode}`);
  process.exit(2);
}
console.log(`wrote ${out}: ${realCount} entries of ${base} + ${extra} synthetic entries (${values.mode})`);
