/**
 * Meanings of the JSON artifact's fields for the JSON API guide's field tables
 * (src/components/guides/ArtifactFieldTable.astro), keyed by field path. The guide's prose is
 * Markdown: src/content/docs/guides/json-api.mdx and zh-cn/guides/json-api.mdx.
 */

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
  kind: "'error'：消息体中的厂商错误码；'http-status'：厂商对某个 HTTP 状态码的说明；'task-state'：异步任务状态字段的一个取值；'sdk-error'：厂商官方 SDK 在客户端返回的错误码（不是接口返回的）。",
  code: '错误码，与接口返回的完全一致。',
  http_status: '随该条目返回的 HTTP 状态码；原文未说明时为 null。',
  message: '接口返回的原始消息，原样摘自原文（保留错别字）；原文没有给出时为 null。',
  message_is_template: '消息中含有 %s 等占位符、由接口在运行时填充时为 true。',
  message_variants: '除 message 之外，接口实际返回过的原始消息，各自注明见到的时间和出处；explain 和搜索像匹配 message 一样匹配它们。自 1.3 起。',
  'message_variants[].message': '接口返回的原始消息；message_is_template 为 true 时，运行时填入的部分写作 %s 或 %d。',
  'message_variants[].message_is_template': '消息中含有 %s、%d 等占位符（接口在运行时填入限额、名称等）时为 true：按模板匹配。',
  'message_variants[].seen': '见到该消息的时间：年份（如 2023）或日期。',
  'message_variants[].source': '见到该消息的出处：公开 issue、SDK 的测试数据、厂商自己的 SDK 或文档。',
  'message_variants[].recorded': '记录该消息的数据发布（其日期）。',
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
  keywords: '该条目在其分类之外的搜索关键词和同义词（由我们撰写，仅用于搜索）；没有时省略。自 1.2 起。',
  'keywords.en': '英文关键词和同义词。',
  'keywords.zh': '简体中文关键词和同义词。',
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
