/**
 * The text of the data-driven guides (src/components/*Guide.astro), in both languages. Like
 * src/core/ui-strings.ts: pages never hard-code text, and the Chinese table must have every key.
 * Everything here is plain text, rendered with Astro `{}` (never as HTML).
 */
import type { Lang } from '../core/schema.ts';
import { HTTP_STATUS_POLICIES } from '../core/schema.ts';

type Policy = (typeof HTTP_STATUS_POLICIES)[number];

const en = {
  // Reading error responses
  'reading.description': "Where each vendor puts its success flag, error code and message, and how HTTP statuses relate to them, side by side.",
  'reading.intro':
    'Every vendor reports failure differently. The table puts their response envelopes side by side; it is generated from the same data as the vendor pages, so it always matches them.',
  'reading.envelopes': 'The envelopes compared',
  'reading.policies': 'HTTP status policies',
  'reading.examples': 'Example error bodies',
  'reading.examplesIntro':
    'One error body per vendor, exactly as the data holds it. “From the source” bodies are copied verbatim from the vendor’s documentation (including its mistakes); “constructed” bodies are written by us from the documented fields where the documentation shows none.',
  'policy.status-reflects-error': 'Status reflects the error',
  'policy.always-200': 'Always 200',
  'policy.mixed': 'Mixed',
  'policy.unspecified': 'Unspecified',
  'policyText.status-reflects-error': 'A 4xx/5xx HTTP status comes with a code in the body.',
  'policyText.always-200': 'Errors come with HTTP 200; only a body field tells success from failure.',
  'policyText.mixed': 'Request errors come as HTTP statuses, while an asynchronous task reports its own failure in a field of an HTTP 200 response.',
  'policyText.unspecified': 'The documentation does not say: check both the HTTP status and the code field.',

  // Retry strategy
  'retry.description': 'Which errors are worth retrying, per category and per vendor, where the vendors say so themselves, and a backoff recipe.',
  'retry.intro':
    'Every entry says whether the same request can succeed later unchanged (retryable), and every category has a default. Everything on this page except the advice in the last two sections is derived from the data.',
  'retry.byCategory': 'Retryable entries per category',
  'retry.colDefault': 'Category default',
  'retry.colRetryable': 'Retryable',
  'retry.colNotRetryable': 'Not retryable',
  'retry.colExceptions': 'Differ from default',
  'retry.exceptions': 'Entries that differ from their category’s default',
  'retry.exceptionsIntro': 'For these entries the category default is wrong: trust the entry, not the category.',
  'retry.exceptionsNone': 'Every entry follows its category’s default.',
  'retry.vendorSays': 'Where the vendor itself gives retry advice',
  'retry.vendorSaysIntro':
    'For these entries the source document itself says whether to retry (retryable_source: vendor). Everywhere else retryable is our assessment.',
  'retry.contradictions': 'Where the source contradicts HTTP semantics or itself',
  'retry.contradictionsIntro':
    'Entries with a contradiction note: the source says one thing and HTTP (or another part of the source) says another. The note says how we read it; the retry value shown is ours.',
  'retry.colNote': 'Note',
  'retry.showEntries': 'Show the {n} entries',
  'retry.recipe': 'A backoff recipe',
  'retry.recipeIntro': 'When a request fails:',
  'retry.step1':
    'Look the error up first (by vendor and code, see the JSON guide). If its entry says retryable: false, do not retry: fix the request, the credentials or the input as its remedy says. An unknown code counts as not retryable, unless the HTTP status is 408, 429, 500, 502, 503 or 504.',
  'retry.step2':
    'Wait before each retry, with exponential backoff and full jitter: delay = random(0, min(cap, base × 2^attempt)), with base = 1 s, cap = 30 s, and attempt counting retries from 0.',
  'retry.step3':
    'Honour Retry-After: when the response carries a Retry-After header (seconds or an HTTP date), wait at least that long. If it asks for longer than your cap or your deadline, stop and report instead of waiting.',
  'retry.step4':
    'Stop after 5 attempts in all (the first request and 4 retries) or when the caller’s deadline would pass, and report the last error with the link to its page.',
  'retry.step5':
    'For rate limits and concurrency limits, slow the whole client down (a shared token bucket or queue) instead of letting each request retry on its own; a quota that is used up is not retryable at all.',
  'retry.step6':
    'Retry only requests that are safe to repeat. A request that creates a task and timed out may have created it: look the task up before creating another one.',
  'retry.codeCaption': 'The same recipe in JavaScript:',
  'retry.code.send': 'send() makes the request once and returns { ok, entry, retryAfter }:',
  'retry.code.sendEntry': 'entry is the artifact entry of the error (undefined if unknown), retryAfter the Retry-After header or null.',
  'retry.code.never': 'never retry what is not retryable',
  'retry.code.jitter': 'exponential backoff with full jitter',
  'retry.code.tooLong': 'the server asks for a longer wait than we allow',
  'retry.polling': 'Pending tasks: poll, do not resubmit',
  'retry.pollingText':
    'A task state whose outcome is pending is not an error: the task is still queued or running. Poll the task with the same task id, every second at first and slowing to every 5 seconds, until its state is a success or a failure or your deadline passes (the vendor’s documented processing limit, where there is one). Never create the task again while it is pending: that doubles the cost and the load, and the first task may still succeed.',
  'retry.pendingStates': 'The pending task states in the data:',

  // Using the JSON artifact
  'json.description': 'The JSON lookup files under /api/v1/: files, every field, stability rules and copy-paste examples.',
  'json.intro':
    'Everything on this site is also published as JSON, for tools: look up a vendor’s code, decide whether to retry, link your users to the page that explains it. The files are generated from the same data as the pages.',
  'json.files': 'Files',
  'json.colFile': 'File',
  'json.colContent': 'Content',
  'json.file.index': 'Every category, vendor and entry.',
  'json.file.vendor': 'One vendor (its envelope, counts and notes) with its entries and the categories they use: enough on its own for lookup and explain.',
  'json.file.entry': 'One entry. The path is the entry’s id, with the same escaping as its page URL.',
  'json.file.categories': 'The cross-vendor categories (taxonomy).',
  'json.file.schema': 'JSON Schema (2020-12) of index.json; the other files are under $defs: vendor_file, entry_file, categories_file.',
  'json.file.openapi': 'OpenAPI 3.1 description of every file here; its bodies refer to schema.json.',
  'json.file.csv': 'Every entry as a row: id, vendor, kind, code, http_status, message, meaning and remedy in both languages, category, retryable, url. UTF-8 with a byte-order mark, so spreadsheets show the Chinese correctly.',
  'json.file.jsonl': 'Every entry as one line of JSON, exactly as in index.json.',
  'json.pathsIntro': 'Entry paths follow the page URLs: errors at <vendor>/<code>.json, HTTP statuses under http/, task states under state/. For example:',
  'json.escaping':
    'A code is one path segment, percent-encoded like encodeURIComponent (codes never contain “/”). For example, a code E:1+2 (not in the data) would be at:',
  'json.header': 'Every file starts with',
  'json.fields': 'Entry fields',
  'json.fieldsIntro':
    'An entry looks the same in every file (index.json, <vendor>.json and its own file). The field list below is generated from the schema of the artifact.',
  'json.colField': 'Field',
  'json.colType': 'Type',
  'json.colMeaning': 'Meaning',
  'json.exampleFile': 'For example, the file of one entry:',
  'json.stability': 'Stability',
  'json.stable1': 'Version 1 only gains fields: new fields may appear in any file, so ignore fields you do not know.',
  'json.stable2': 'Removing or renaming a field, or changing its type or meaning, needs a new version under /api/v2/; /api/v1/ stays as it is.',
  'json.stable3': 'artifact_version is the semantic version of the format: a new field raises the minor version.',
  'json.stable4':
    'data_version is a hash of the content: it changes whenever any data changes and never otherwise. The same data gives byte-identical files (no timestamps), so you can compare data_version to know whether to refresh a cached copy.',
  'json.stable5': 'Ids and page URLs are stable: an entry keeps its id as long as the vendor keeps its code.',
  'json.examples': 'Examples',
  'json.curl': 'With curl and jq',
  'json.curl.remedy': 'What to do about one error:',
  'json.curl.retry': 'Is it worth retrying, and who says so?',
  'json.curl.retryable': 'Every retryable entry of one vendor:',
  'json.curl.category': 'The same failure at every vendor: all entries of one category, with their pages:',
  'json.curl.template': 'A message with filled-in placeholders: match it against message_pattern:',
  'json.curl.version': 'Has the data changed since you last fetched it?',
  'json.js': 'In JavaScript: a “more info” link for a vendor’s error',
  'json.jsIntro':
    'This function finds the entry for a vendor’s error response and returns the URL of its page, to show next to the error. The vendor file says where the vendor puts its code (envelope.code_field), so the same function works for every vendor.',
  'json.js.comment': 'A "more info" link for a vendor\'s error response, or null if the code is unknown.',
  'json.js.cache': 'vendor id → its <vendor>.json, fetched once',
  'json.js.field': 'The envelope says where this vendor puts its code, e.g. "error_detail.code".',
  'json.js.fallback': 'else the vendor\'s own meaning of the HTTP status, if it documents one',
  'json.js.usage': 'For example, the example error body of',
  'json.cli': 'Command line',
  'json.cliText': 'The command-line tool that reads these files is documented in the README.',
} as const;

export type GuideKey = keyof typeof en;

const zh: Record<GuideKey, string> = {
  'reading.description': '各厂商把成功标志、错误码和消息放在哪里，以及 HTTP 状态码与它们的关系，并排对比。',
  'reading.intro': '各厂商报告失败的方式各不相同。下表把各厂商的响应结构并排列出；它和厂商页面由同一份数据生成，因此始终一致。',
  'reading.envelopes': '响应结构对比',
  'reading.policies': 'HTTP 状态码规则',
  'reading.examples': '错误响应示例',
  'reading.examplesIntro':
    '每个厂商一个错误响应示例，与数据中保存的完全一致。“摘自原始文档”的示例原样复制自厂商文档（包括其中的错误）；“由我们构造”的示例是在文档没有给出示例时，我们根据文档中的字段编写的。',
  'policy.status-reflects-error': '状态码反映错误',
  'policy.always-200': '始终返回 200',
  'policy.mixed': '混合',
  'policy.unspecified': '未说明',
  'policyText.status-reflects-error': '返回 4xx/5xx HTTP 状态码，消息体中带有错误码。',
  'policyText.always-200': '出错时也返回 HTTP 200，只能通过消息体中的字段判断成功与否。',
  'policyText.mixed': '请求错误以 HTTP 状态码返回；异步任务的失败则在 HTTP 200 响应的某个字段中报告。',
  'policyText.unspecified': '文档没有说明：HTTP 状态码和错误码字段都需要检查。',

  'retry.description': '哪些错误值得重试：按分类、按厂商统计，厂商自己给出重试建议的地方，以及一个退避重试方案。',
  'retry.intro': '每个条目都标明原样重试同一请求是否可能成功（retryable），每个分类也有默认值。本页除最后两节的建议外，全部由数据生成。',
  'retry.byCategory': '各分类的可重试条目',
  'retry.colDefault': '分类默认',
  'retry.colRetryable': '可重试',
  'retry.colNotRetryable': '不可重试',
  'retry.colExceptions': '与默认不同',
  'retry.exceptions': '与所属分类默认值不同的条目',
  'retry.exceptionsIntro': '对这些条目而言，分类的默认值并不适用：以条目为准，而不是以分类为准。',
  'retry.exceptionsNone': '所有条目都与所属分类的默认值一致。',
  'retry.vendorSays': '厂商自己给出重试建议的条目',
  'retry.vendorSaysIntro': '这些条目是否可以重试由原始文档明确说明（retryable_source: vendor）；其余条目的 retryable 都是我们的判断。',
  'retry.contradictions': '原始文档与 HTTP 语义或自身矛盾之处',
  'retry.contradictionsIntro':
    '带有矛盾（contradiction）备注的条目：原始文档的说法与 HTTP 语义（或文档的其他部分）不一致。备注说明了我们的理解；表中的重试判断是我们的。',
  'retry.colNote': '备注',
  'retry.showEntries': '显示这 {n} 个条目',
  'retry.recipe': '退避重试方案',
  'retry.recipeIntro': '请求失败时：',
  'retry.step1':
    '先查出该错误（按厂商和错误码，见 JSON 指南）。如果条目标明 retryable: false，就不要重试：按其处理方法修正请求、凭证或输入。未知错误码一律视为不可重试，除非 HTTP 状态码是 408、429、500、502、503 或 504。',
  'retry.step2':
    '每次重试前等待，采用带完全抖动的指数退避：delay = random(0, min(cap, base × 2^attempt))，其中 base = 1 秒，cap = 30 秒，attempt 为重试次数（从 0 开始）。',
  'retry.step3':
    '遵守 Retry-After：如果响应带有 Retry-After 头（秒数或 HTTP 日期），至少等待这么长时间。如果它要求的时间超过上限或调用方的截止时间，就停止并报告，而不是继续等待。',
  'retry.step4': '总共最多尝试 5 次（首次请求加 4 次重试），或在即将超过调用方截止时间时停止，然后报告最后一个错误及其页面链接。',
  'retry.step5': '遇到限流和并发限制时，应让整个客户端放慢速度（共享令牌桶或队列），而不是让每个请求各自重试；额度已用完则完全不可重试。',
  'retry.step6': '只重试可以安全重复的请求。创建任务的请求如果超时，任务可能已经创建：先查询该任务，再决定是否重新创建。',
  'retry.codeCaption': '同一方案的 JavaScript 实现：',
  'retry.code.send': 'send() 发送一次请求，返回 { ok, entry, retryAfter }：',
  'retry.code.sendEntry': 'entry 是该错误在 JSON 数据文件中的条目（未知时为 undefined），retryAfter 是 Retry-After 头或 null。',
  'retry.code.never': '不可重试的错误绝不重试',
  'retry.code.jitter': '带完全抖动的指数退避',
  'retry.code.tooLong': '服务端要求的等待时间超过了我们的上限',
  'retry.polling': '处理中的任务：轮询，而不是重新提交',
  'retry.pollingText':
    '结果为“处理中”的任务状态不是错误：任务仍在排队或处理中。请用同一个任务 ID 轮询任务状态，开始时每秒一次，逐渐放慢到每 5 秒一次，直到状态变为成功或失败，或超过截止时间（如果厂商文档规定了处理时限，以其为准）。任务处理中时绝不要重新创建任务：这会使费用和负载翻倍，而第一个任务仍可能成功。',
  'retry.pendingStates': '数据中表示“处理中”的任务状态：',

  'json.description': '/api/v1/ 下的 JSON 数据文件：文件列表、全部字段、稳定性规则和可直接复制的示例。',
  'json.intro':
    '本站的全部内容也以 JSON 形式发布，供程序使用：查询厂商的错误码、判断是否应当重试、把用户引导到解释该错误的页面。这些文件与页面由同一份数据生成。',
  'json.files': '文件',
  'json.colFile': '文件',
  'json.colContent': '内容',
  'json.file.index': '全部分类、厂商和条目。',
  'json.file.vendor': '一个厂商（含响应结构、统计和备注）及其全部条目和这些条目所用的分类：单独使用即可查询和解释。',
  'json.file.entry': '一个条目。路径就是条目的 id，转义方式与页面 URL 相同。',
  'json.file.categories': '跨厂商的分类体系。',
  'json.file.schema': 'index.json 的 JSON Schema（2020-12）；其他文件的 Schema 位于 $defs 下：vendor_file、entry_file、categories_file。',
  'json.file.openapi': '这里每个文件的 OpenAPI 3.1 描述；其中的响应体引用 schema.json。',
  'json.file.csv': '每个条目一行：id、vendor、kind、code、http_status、message、两种语言的含义和处理方法、category、retryable、url。UTF-8 带字节顺序标记（BOM），电子表格能正确显示中文。',
  'json.file.jsonl': '每个条目一行 JSON，与 index.json 中完全相同。',
  'json.pathsIntro': '条目路径与页面 URL 一致：错误码为 <vendor>/<code>.json，HTTP 状态码在 http/ 下，任务状态在 state/ 下。例如：',
  'json.escaping': '错误码作为一个路径段，按 encodeURIComponent 的方式进行百分号编码（错误码中不会出现“/”）。例如，假设有错误码 E:1+2（数据中并没有），它的路径是：',
  'json.header': '每个文件开头的字段',
  'json.fields': '条目字段',
  'json.fieldsIntro': '条目在所有文件（index.json、<vendor>.json 及其单独文件）中的结构都相同。下面的字段列表由数据文件的 Schema 生成。',
  'json.colField': '字段',
  'json.colType': '类型',
  'json.colMeaning': '含义',
  'json.exampleFile': '例如，一个条目的文件：',
  'json.stability': '稳定性',
  'json.stable1': '第 1 版只会增加字段：任何文件都可能出现新字段，请忽略不认识的字段。',
  'json.stable2': '删除或重命名字段、改变字段的类型或含义，都需要在 /api/v2/ 下发布新版本；/api/v1/ 保持不变。',
  'json.stable3': 'artifact_version 是格式的语义化版本号：新增字段会提升次版本号。',
  'json.stable4':
    'data_version 是内容的哈希值：任何数据变化都会改变它，否则它不变。相同的数据生成逐字节相同的文件（不含时间戳），因此可以比较 data_version 来判断是否需要刷新缓存。',
  'json.stable5': 'id 和页面 URL 是稳定的：只要厂商保留该错误码，条目的 id 就不会变。',
  'json.examples': '示例',
  'json.curl': '使用 curl 和 jq',
  'json.curl.remedy': '某个错误该怎么处理：',
  'json.curl.retry': '是否值得重试？依据是谁？',
  'json.curl.retryable': '某个厂商全部可重试的条目：',
  'json.curl.category': '各厂商的同一种错误：某个分类下的全部条目及其页面：',
  'json.curl.template': '占位符已被填充的消息：用 message_pattern 匹配：',
  'json.curl.version': '数据自上次获取以来是否有变化？',
  'json.js': '在 JavaScript 中：为厂商错误生成“详细信息”链接',
  'json.jsIntro':
    '这个函数根据厂商的错误响应找到对应条目，返回其页面的 URL，可以显示在错误信息旁边。厂商文件说明了该厂商把错误码放在哪个字段（envelope.code_field），因此同一个函数适用于所有厂商。',
  'json.js.comment': '为厂商的错误响应生成“详细信息”链接；错误码未知时返回 null。',
  'json.js.cache': '厂商 id → 其 <vendor>.json，只获取一次',
  'json.js.field': 'envelope 说明该厂商把错误码放在哪个字段，例如 "error_detail.code"。',
  'json.js.fallback': '否则使用厂商对该 HTTP 状态码的说明（如果文档中有）',
  'json.js.usage': '例如，以下厂商的错误响应示例：',
  'json.cli': '命令行',
  'json.cliText': '读取这些文件的命令行工具在 README 中说明。',
};

const tables: Record<Lang, Record<GuideKey, string>> = { en, zh };

export function gt(lang: Lang, key: GuideKey): string {
  return tables[lang][key];
}

export const policyLabel = (lang: Lang, policy: Policy) => gt(lang, `policy.${policy}`);
export const policyText = (lang: Lang, policy: Policy) => gt(lang, `policyText.${policy}`);

/**
 * Meanings of the artifact's fields, by path (`meaning.en`, `notes[].kind`). English: only where the
 * zod schemas give no description (the guide prefers the schema's own words). Chinese: every field.
 * A field missing here still appears in the guide (the list comes from the schema), with the
 * English description.
 */
export const FIELD_TEXT_EN: Record<string, string> = {
  vendor: 'The vendor id: the same as the vendor’s file name and the first segment of the id.',
  'meaning.en': 'English text.',
  'meaning.zh': 'Simplified Chinese text.',
  'remedy.en': 'English text.',
  'remedy.zh': 'Simplified Chinese text.',
  'notes[].en': 'English text.',
  'notes[].zh': 'Simplified Chinese text.',
};

export const FIELD_TEXT_ZH: Record<string, string> = {
  artifact_version: '本格式的版本号（语义化版本）。不兼容的变更会移到 /api/v2/。',
  data_version: '内容的哈希值：任何数据变化都会改变它，否则不变。',
  site: '生成页面 URL 时所用的站点地址。',
  id: '唯一 id，也是页面路径：<vendor>/<code>、<vendor>/http/<status> 或 <vendor>/state/<value>。',
  vendor: '厂商 id：与厂商数据文件名相同，也是 id 的第一段。',
  kind: "'error'：消息体中的厂商错误码；'http-status'：厂商对某个 HTTP 状态码的说明；'task-state'：异步任务状态字段的一个取值。",
  code: '错误码，与接口返回的完全一致。',
  http_status: '随该条目返回的 HTTP 状态码；原文未说明时为 null。',
  message: '接口返回的原始消息，原样摘自原文（保留错别字）；原文没有给出时为 null。',
  message_is_template: '消息中含有 %s 等占位符、由接口在运行时填充时为 true。',
  message_pattern: '仅用于模板：一个带锚点的正则表达式（ECMAScript），可匹配填充后的消息。',
  task_outcome: "仅用于 'task-state'：该状态表示处理中、成功还是失败；其他类型为 null。",
  outcome: "该响应对调用意味着什么：任务状态自身的结果，否则为所属分类的结果（'success'、'pending'、'failure' 或 'informational'）。",
  meaning: '含义，中英文两种文字，并说明哪种（如果有）是厂商原文。',
  'meaning.en': '英文文本。',
  'meaning.zh': '简体中文文本。',
  'meaning.vendor_text': "哪种语言是厂商原文：'en'、'zh'，两者都由我们撰写时为 'none'。",
  remedy: "处理方法，由我们针对该条目撰写（自 v1.1 起 vendor_text 为 'none'；厂商自己的建议见 vendor_remedy）。",
  'remedy.en': '英文文本。',
  'remedy.zh': '简体中文文本。',
  'remedy.vendor_text': "哪种语言是厂商原文：'en'、'zh'，两者都由我们撰写时为 'none'。",
  category: '分类 id，取自 data/categories.yaml（即 categories.json 中的分类）；始终是我们的分类，而非厂商的。',
  retryable: '原样重试同一请求，之后是否可能成功？',
  retryable_source: "原文自己说明了是否重试时为 'vendor'；由我们推断时为 'ours'。",
  equivalents: '所在等价组的其他成员的 id：其他地方的同一种错误（对称且可传递）。',
  equivalence_group: '该条目所属等价组的 id（data/equivalence-groups.yaml），不属于任何组时为 null。',
  equivalence_groups: '各厂商间的同一种错误，按组列出：每个成员都把组内其他成员列为 equivalents。',
  'equivalence_groups[].id': '稳定的组 id，例如 no-face。',
  'equivalence_groups[].label': '组内成员的共同点，由我们撰写。',
  'equivalence_groups[].members': "表示同一种错误的条目，例如 'baidu-face/222202'。一个条目最多属于一个组。",
  vendor_remedy: '厂商自己的处理建议，vendor_text 所指的语言为逐字原文（另一种语言是我们的翻译）；原文没有时为 null。',
  'vendor_remedy.en': '英文文本。',
  'vendor_remedy.zh': '简体中文文本。',
  'vendor_remedy.vendor_text': "哪种语言是厂商原文：'en' 或 'zh'。",
  end_user_message: '应用可以展示给自己的最终用户的通俗说明（由我们撰写，不是厂商的文字）。',
  'end_user_message.en': '英文文本。',
  'end_user_message.zh': '简体中文文本。',
  'end_user_message.source': "'entry'：为该条目撰写；'category'：所属分类的默认说明。",
  retryable_exception: 'retryable 与分类的 retryable_default 不同时，说明原因；一致时为 null。',
  'retryable_exception.en': '英文文本。',
  'retryable_exception.zh': '简体中文文本。',
  example_body: '携带该条目的响应示例，由我们根据厂商文档中的响应格式构造；厂商没有该类型的模板时为 null。',
  'example_body.http_status': '该响应示例所带的 HTTP 状态码；未在文档中说明时为 null。',
  'example_body.body': '厂商针对该条目会返回的响应体，根据其文档中的响应格式构造。',
  notes: '我们撰写的备注：原文中的异常、我们所做的修正，或使用建议。',
  'notes[].kind': '备注的类型。',
  'notes[].en': '英文文本。',
  'notes[].zh': '简体中文文本。',
  url: '该条目的英文页面。',
  url_zh: '该条目的中文页面。',
  api_url: '该条目单独的 JSON 文件。',
};
