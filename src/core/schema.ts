/**
 * The one schema of the knowledge base. The validator (through which the site, the artifact
 * script and the CLI load the data) and the tests import from here; the editor JSON Schemas in
 * data/schema/ and dist/api/v1/schema.json are generated from it.
 *
 * Every object is strict: an unknown field is an error, never silently dropped.
 */
import { z } from 'zod';

/** Languages the site and the data speak. English is the default locale. */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

const text = z
  .string()
  .trim()
  .min(1, 'must not be empty');

/** A plain-text string in both languages (never HTML, never Markdown). */
export const bilingualText = z
  .strictObject({
    en: text.meta({ description: 'English text.' }),
    zh: text.meta({ description: 'Simplified Chinese text.' }),
  })
  .meta({ description: 'Plain text in English and Simplified Chinese. Rendered as text, never as HTML.' });
export type BilingualText = z.infer<typeof bilingualText>;

/**
 * Which language of a bilingual text is the vendor's own words; the other one is ours.
 * `none`: both texts are ours (the source gives no such text).
 */
export const vendorText = z
  .enum(['en', 'zh', 'none'])
  .meta({
    description:
      "Which language is the vendor's own text, copied from the source: 'en', 'zh', or 'none' when both are written by us.",
  });
export type VendorText = z.infer<typeof vendorText>;

export const sourcedText = z
  .strictObject({
    en: text,
    zh: text,
    vendor_text: vendorText,
  })
  .meta({ description: "Plain text in both languages, saying which one (if any) is the vendor's." });
export type SourcedText = z.infer<typeof sourcedText>;

export const ENTRY_KINDS = ['error', 'http-status', 'task-state'] as const;
export const entryKind = z
  .enum(ENTRY_KINDS)
  .meta({
    description:
      "'error': a vendor code in the response body; 'http-status': the vendor's own meaning of an HTTP status; 'task-state': a value of an async task's state field.",
  });
export type EntryKind = z.infer<typeof entryKind>;

/**
 * Words people type when they mean this, in both languages: keywords and synonyms the text itself
 * does not contain (`QPS`, `throttled`, `限流`). Indexed for search with their own weight; never shown
 * as the vendor's words.
 */
const keyword = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(60, 'must be at most 60 characters (a word or a short phrase)')
  .regex(/^[^\n\r\t]*$/, 'must be on one line');
const keywordList = z
  .array(keyword)
  .min(1, 'must list at least one keyword')
  .refine((list) => new Set(list.map((k) => k.toLowerCase())).size === list.length, 'must not list a keyword twice');
export const searchKeywords = z
  .strictObject({
    en: keywordList.meta({ description: 'English keywords and synonyms.' }),
    zh: keywordList.meta({ description: 'Simplified Chinese keywords and synonyms.' }),
  })
  .meta({ description: 'Search keywords and synonyms (ours, for search only), in English and Simplified Chinese.' });
export type SearchKeywords = z.infer<typeof searchKeywords>;

export const TASK_OUTCOMES = ['pending', 'success', 'failure'] as const;
export const taskOutcome = z.enum(TASK_OUTCOMES);
export type TaskOutcome = z.infer<typeof taskOutcome>;

export const NOTE_KINDS = [
  'extraction-repair',
  'typo-in-source',
  'duplicate-in-source',
  'contradiction',
  'ambiguity',
  'doc-history',
  'template',
  'usage',
] as const;
export const noteKind = z.enum(NOTE_KINDS);

export const note = z
  .strictObject({
    kind: noteKind.meta({ description: 'What the note is about.' }),
    en: text,
    zh: text,
  })
  .meta({ description: 'A note written by us: a source anomaly, a repair we made, or usage advice.' });
export type Note = z.infer<typeof note>;

export const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens (e.g. rate-limited)');

/**
 * A code exactly as the API returns it. Codes become URL path segments, so they may not contain
 * white space or '/', and may not be the reserved segment names 'http' and 'state'.
 */
export const code = z
  .string()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .regex(/^[^\s/\\?#%]*$/, "must not contain white space or any of / \\ ? # %")
  .meta({ description: 'The code exactly as the API returns it (as a string).' });

/**
 * A link the site renders as <a href>: http(s) only, so data can never make a javascript: or data:
 * link (the Content-Security-Policy would block one too; this stops it at validation).
 */
export const webUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

export const httpStatus = z
  .number()
  .int('must be a whole number')
  .min(100, 'must be an HTTP status between 100 and 599')
  .max(599, 'must be an HTTP status between 100 and 599');

/**
 * A reference to another entry, written like its page path:
 * `<vendor>/<code>`, `<vendor>/http/<status>` or `<vendor>/state/<value>`.
 */
export const entryRef = z
  .string()
  .regex(
    /^[a-z0-9-]+\/(?:(?:http|state)\/)?[^\s/]+$/,
    'must look like <vendor>/<code>, <vendor>/http/<status> or <vendor>/state/<value>',
  );

export const entry = z
  .strictObject({
    kind: entryKind,
    code,
    http_status: httpStatus
      .nullable()
      .meta({ description: 'The HTTP status that comes with this entry, or null where the source does not say.' }),
    message: z
      .string()
      .min(1, 'must not be empty; use null when the API returns no message')
      .nullable()
      .meta({
        description:
          "The literal message the API returns, exactly as the source gives it (typos kept). null when the source gives none.",
      }),
    message_is_template: z
      .boolean()
      .default(false)
      .meta({ description: 'True when the message contains placeholders such as %s that the API fills in.' }),
    task_outcome: taskOutcome
      .optional()
      .meta({ description: "For kind 'task-state' only: whether the state means pending, success or failure." }),
    meaning: sourcedText,
    remedy: sourcedText,
    category: id.meta({ description: 'A category id from data/categories.yaml (always our classification).' }),
    retryable: z
      .boolean()
      .meta({ description: 'Can the same request succeed later without any change?' }),
    retryable_source: z
      .enum(['vendor', 'ours'])
      .default('ours')
      .meta({ description: "'vendor' when the source itself says whether to retry; 'ours' when we inferred it." }),
    equivalents: z
      .array(entryRef)
      .default([])
      .meta({ description: "Entries of other vendors that mean the same failure, e.g. 'baidu-face/222202'." }),
    notes: z.array(note).default([]),
    keywords: searchKeywords
      .optional()
      .meta({ description: 'Search keywords and synonyms for this entry beyond its category\'s (ours, for search only).' }),
  })
  .meta({ description: 'One error code, HTTP status or task state of a vendor.' });
export type EntryInput = z.input<typeof entry>;
export type Entry = z.output<typeof entry>;

export const HTTP_STATUS_POLICIES = ['status-reflects-error', 'always-200', 'mixed', 'unspecified'] as const;

export const exampleBody = z.strictObject({
  origin: z
    .enum(['source', 'constructed'])
    .meta({ description: "'source': copied verbatim from the source document; 'constructed': written by us from the documented fields." }),
  http_status: httpStatus.nullable(),
  body: z.string().min(1).meta({ description: 'The example body exactly as the source shows it.' }),
  note: bilingualText.optional(),
});

export const envelope = z
  .strictObject({
    success_test: bilingualText.meta({ description: 'How a client tells success from failure.' }),
    code_field: z.string().min(1).meta({ description: 'Dotted path of the field that carries the code, e.g. error_detail.code.' }),
    message_field: z.string().min(1).nullable().meta({ description: 'Dotted path of the message field, or null.' }),
    http_status_policy: z.enum(HTTP_STATUS_POLICIES).meta({
      description:
        "'status-reflects-error': errors come with a 4xx/5xx status; 'always-200': errors come with HTTP 200 and a code in the body; 'mixed': both happen; 'unspecified': the source does not say.",
    }),
    http_status_policy_text: bilingualText,
    example_error: exampleBody,
    example_success: exampleBody.optional(),
  })
  .meta({ description: "How the vendor's responses carry success, codes and messages." });

export const vendor = z.strictObject({
  id: id.meta({ description: 'Stable vendor id, used in URLs and the artifact (contract).' }),
  name: bilingualText,
  short_name: bilingualText
    .optional()
    .meta({ description: 'Name for titles and navigation when the company name alone is ambiguous (e.g. "Baidu Face"). Defaults to name.' }),
  product: bilingualText,
  summary: bilingualText.meta({ description: 'What the vendor and product are, in our words.' }),
  homepage: webUrl,
  docs: z
    .array(z.strictObject({ title: text, url: webUrl }))
    .min(1, 'must list at least one official documentation page'),
  source: z
    .strictObject({
      file: z.string().min(1).meta({ description: 'The source document under shared/sources/ the entries come from.' }),
      title: text,
      languages: z.array(z.enum(LANGS)).min(1),
      extra: text.optional().meta({ description: 'Other sources used, e.g. facts from the official page that the copy lacks.' }),
    })
    .meta({ description: 'Where the entries come from.' }),
  auth: bilingualText.optional(),
  endpoints: z.array(z.strictObject({ region: bilingualText, url: text })).default([]),
  limits: z.array(bilingualText).default([]),
  notes: z.array(note).default([]),
});
export type Vendor = z.output<typeof vendor>;

export const vendorFile = z
  .strictObject({
    vendor,
    envelope,
    entries: z.array(entry).min(1, 'must hold at least one entry'),
  })
  .meta({ title: 'Vendor file', description: 'One vendor of the error-code knowledge base: data/vendors/<id>.yaml' });
export type VendorFileInput = z.input<typeof vendorFile>;
export type VendorFile = z.output<typeof vendorFile>;

export const category = z.strictObject({
  id,
  name: bilingualText,
  keywords: searchKeywords
    .optional()
    .meta({ description: 'Words people type for this kind of failure (ours, for search only): they find every entry of the category.' }),
  description: bilingualText,
  retryable_default: z.boolean().meta({ description: 'Whether entries of this category usually succeed on retry.' }),
  advice: bilingualText.meta({ description: 'What a client should do about any entry of this category.' }),
});
export type Category = z.output<typeof category>;

export const categoriesFile = z
  .strictObject({
    categories: z.array(category).min(1),
  })
  .meta({ title: 'Categories file', description: 'The shared cross-vendor taxonomy: data/categories.yaml' });
export type CategoriesFile = z.output<typeof categoriesFile>;
