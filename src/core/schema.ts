/**
 * The one schema of the knowledge base. The validator (through which the site, the artifact
 * script and the CLI load the data) and the tests import from here; the editor JSON Schemas in
 * data/schema/ and dist/api/v1/schema.json are generated from it.
 *
 * Every object is strict: an unknown field is an error, never silently dropped.
 */
import { z } from 'zod';
import { action, possibleCauses, retryPolicy } from './decision-schema.ts';
import { historyItem, messageVariant, sourceRef } from './provenance-schema.ts';

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
  .meta({ id: 'bilingual_text', title: 'Bilingual text', description: 'Plain text in English and Simplified Chinese. Rendered as text, never as HTML.' });

/**
 * Which language of a bilingual text is the vendor's own words; the other one is ours.
 * `none`: both texts are ours (the source gives no such text).
 */
export const vendorText = z.enum(['en', 'zh', 'none']).meta({
  description: "Which language is the vendor's own text, copied from the source: 'en', 'zh', or 'none' when both are written by us.",
});
export type VendorText = z.infer<typeof vendorText>;

export const sourcedText = z
  .strictObject({
    en: text,
    zh: text,
    vendor_text: vendorText,
  })
  .meta({ description: "Plain text in both languages, saying which one (if any) is the vendor's." });

export const ENTRY_KINDS = ['error', 'http-status', 'task-state', 'sdk-error'] as const;
export const entryKind = z
  .enum(ENTRY_KINDS)
  .meta({
    description:
      "'error': a vendor code in the response body; 'http-status': the vendor's own meaning of an HTTP status; 'task-state': a value of an async task's state field; 'sdk-error': a code the vendor's official SDK raises on the client, before or instead of a response (it never comes from the API).",
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
 * white space or '/' (the segment names the site reserves are checked in validate.ts).
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

/** A field of a JSON body as a dotted path, e.g. `error_detail.code` or `data.task_id`. */
export const dottedPath = z
  .string()
  .regex(/^[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)*$/, 'must be a dotted field path such as error_detail.code');

/** An HTTP header name (an RFC 9110 token), e.g. X-Request-Id. */
export const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name such as X-Request-Id');

/** A calendar date as the documents print them. */
const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

/** A host name as written in a URL, lower case, without scheme, port or path (`aip.baidubce.com`). */
const hostName = z
  .string()
  .regex(/^(?=.{4,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/, 'must be a lower-case host name such as aip.baidubce.com (no scheme, port or path)');

/** An integer range of task states and what such a state means; a missing bound is open. */
export const taskStateRange = z
  .strictObject({
    min: z.number().int('must be a whole number').optional().meta({ description: 'Lowest state in the range (inclusive); omitted: no lower bound.' }),
    max: z.number().int('must be a whole number').optional().meta({ description: 'Highest state in the range (inclusive); omitted: no upper bound.' }),
    outcome: taskOutcome.meta({ description: 'What a state in this range means.' }),
  })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { message: 'min must not be greater than max' })
  .meta({ description: 'States from min to max (inclusive) have this outcome.' });

export const CATEGORY_OUTCOMES = ['success', 'pending', 'failure', 'informational'] as const;
export const categoryOutcome = z.enum(CATEGORY_OUTCOMES).meta({
  description:
    "What a response of this category means for the call: 'success', 'pending' (not finished yet), 'failure', or 'informational' (says nothing either way, e.g. a redirect).",
});
export type CategoryOutcome = z.infer<typeof categoryOutcome>;

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
    message_variants: z
      .array(messageVariant)
      .default([])
      .meta({ description: 'Literal messages the API has returned for this code besides message, each with where and when it was seen. Explain and search match them like message.' }),
    message_is_template: z
      .boolean()
      .default(false)
      .meta({ description: 'True when the message contains placeholders such as %s that the API fills in.' }),
    task_outcome: taskOutcome
      .optional()
      .meta({ description: "For kind 'task-state' only: whether the state means pending, success or failure." }),
    meaning: sourcedText,
    remedy: sourcedText.meta({
      description:
        "What to do, written by us for this entry (vendor_text 'none'); the vendor's own remedy, where the source gives one, is in vendor_remedy.",
    }),
    category: id.meta({ description: 'A category id from data/categories.yaml (always our classification).' }),
    retryable: z
      .boolean()
      .meta({ description: 'Can the same request succeed later without any change?' }),
    retryable_source: z
      .enum(['vendor', 'ours'])
      .default('ours')
      .meta({ description: "'vendor' when the source itself says whether to retry; 'ours' when we inferred it." }),
    retryable_exception: bilingualText.optional().meta({
      description:
        "Required exactly when retryable differs from the category's retryable_default: our reason why this entry is the exception.",
    }),
    action: action.optional().meta({
      description: "The next step for this entry; omitted: the category's action_default. Judged from the source and the remedy, not from the category alone.",
    }),
    action_reason: bilingualText.optional().meta({
      description: "Required exactly when action differs from the category's action_default: our reason why this entry is the exception.",
    }),
    retry: retryPolicy.optional().meta({
      description: "When and how often to send again, for the actions poll, retry and wait (optional for recreate-task); omitted: the category's retry_default.",
    }),
    possible_causes: possibleCauses.optional(),
    vendor_remedy: sourcedText.optional().meta({
      description:
        "The vendor's own remedy, verbatim in the language vendor_text names (the other language is our translation). remedy is then ours, written for this entry.",
    }),
    end_user_message: bilingualText.optional().meta({
      description:
        "One or two plain sentences an app can show its own end user (no codes, no jargon). Overrides the category's end_user_message.",
    }),
    history: z
      .array(historyItem)
      .default([])
      .meta({ description: 'Values the vendor documented before (oldest first), each with the day it changed and its source.' }),
    source: sourceRef
      .optional()
      .meta({ description: "Where this entry comes from when that is not the vendor's main source document (vendor.source)." }),
    added: isoDate
      .optional()
      .meta({ description: 'The data release (its date) that added this entry; omitted for entries of the first release.' }),
    notes: z.array(note).default([]),
    keywords: searchKeywords
      .optional()
      .meta({ description: 'Search keywords and synonyms for this entry beyond its category\'s (ours, for search only).' }),
  })
  .meta({ description: 'One error code, HTTP status or task state of a vendor.' });
export type Entry = z.output<typeof entry>;

export const HTTP_STATUS_POLICIES = ['status-reflects-error', 'always-200', 'mixed', 'unspecified'] as const;

export const exampleBody = z
  .strictObject({
  origin: z
    .enum(['source', 'constructed'])
    .meta({ description: "'source': copied verbatim from the source document; 'constructed': written by us from the documented fields." }),
  http_status: httpStatus.nullable(),
  body: z.string().min(1).meta({ description: 'The example body exactly as the source shows it.' }),
  note: bilingualText.optional(),
  })
  .meta({ id: 'example_body', title: 'Example body' });

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
    alternate_code_fields: z
      .array(dottedPath)
      .default([])
      .meta({ description: 'Other fields that carry the code in some responses (older or alternative names), read when code_field is absent.' }),
    extra_message_fields: z
      .array(dottedPath)
      .default([])
      .meta({ description: 'More fields that carry a message besides message_field, e.g. details or a forwarded upstream message.' }),
    status_fields: z
      .array(dottedPath)
      .default([])
      .meta({ description: 'Body fields that repeat the HTTP status, read when the status itself is not known.' }),
    forwards_from: z
      .strictObject({
        vendor: id.meta({ description: 'The id of the vendor whose codes and messages this one forwards (must exist in data/vendors/).' }),
        separator: z
          .string()
          .min(1)
          .meta({ description: "What joins this vendor's message to the forwarded code and message, e.g. ' - ' in 'text - 222202 - pic not has face'." }),
      })
      .optional()
      .meta({ description: "An upstream vendor whose codes and messages this vendor passes on inside its own messages." }),
    task_id_field: dottedPath
      .optional()
      .meta({ description: 'For task-state vendors: the field with the task id. Present without a state, the task was created and is still pending.' }),
    unlisted_task_states: z
      .array(taskStateRange)
      .default([])
      .meta({
        description:
          'For task-state vendors: the outcome of a state the entries do not list, by integer range. The first range that holds the state decides; none: unknown.',
      }),
    request_id_fields: z
      .array(dottedPath)
      .default([])
      .meta({
        description:
          "Body fields that identify the request to the vendor's support (e.g. log_id), first present wins; empty where the vendor documents none. Since artifact 1.4.",
      }),
    request_id_headers: z
      .array(headerName)
      .default([])
      .meta({
        description:
          'Response headers that identify the request (e.g. X-Request-Id), read when no request_id_fields value is present, first present wins, names compared case-insensitively; empty where the vendor documents none. Since artifact 1.4.',
      }),
  })
  .meta({ description: "How the vendor's responses carry success, codes and messages, and how a client reads them." });

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
    .array(z.strictObject({ title: bilingualText.meta({ description: 'What the page is, in both languages.' }), url: webUrl }))
    .min(1, 'must list at least one official documentation page'),
  source: z
    .strictObject({
      title: text.meta({ description: "The source document's title, as a reader would look for it." }),
      url: webUrl.meta({ description: 'The public page the source document is a copy of.' }),
      version: text
        .optional()
        .meta({ description: 'The version, commit or revision of the document the entries follow, where it has one.' }),
      published: isoDate
        .optional()
        .meta({ description: 'The publication date the document states (YYYY-MM-DD); omitted where it states none.' }),
      retrieved: isoDate
        .optional()
        .meta({ description: 'When the copy was taken (YYYY-MM-DD), where that is known; omitted otherwise.' }),
      languages: z.array(z.enum(LANGS)).min(1).meta({ description: 'The languages the document is written in.' }),
      extra: bilingualText
        .optional()
        .meta({ description: 'Other sources used, e.g. facts from the official page that the copy lacks, with their URLs.' }),
    })
    .meta({ description: 'The document the entries come from: what a reader can follow.' }),
  auth: bilingualText.optional(),
  endpoints: z.array(z.strictObject({ region: bilingualText, url: text })).default([]),
  limits: z.array(bilingualText).default([]),
  notes: z.array(note).default([]),
  hosts: z
    .array(hostName)
    .default([])
    .refine((list) => new Set(list).size === list.length, 'must not list a host twice')
    .meta({
      description:
        "The host names of the vendor's API, from its public documentation (a host also matches its subdomains). Explain and search read one named in a pasted text as a hint of the vendor.",
    }),
  sdks: z
    .array(text.regex(/^[^\s]+$/, 'must be one package name, without spaces'))
    .default([])
    .refine((list) => new Set(list).size === list.length, 'must not list a package twice')
    .meta({
      description:
        "The package names of the vendor's official SDKs (npm, PyPI, Maven, Composer, …), as they appear in imports and stack traces; a hint of the vendor like hosts.",
    }),
});
export type Vendor = z.output<typeof vendor>;

/**
 * A response body built for one entry from the vendor's documented envelope. Placeholders, each
 * replaced by a JSON value: {{code}} (the code as a JSON string), {{code_number}} (the code as a JSON
 * number; only for numeric codes), {{message}} (the literal message as a JSON string, or null) and
 * {{http_status}} (the entry's HTTP status, or null).
 */
export const exampleBodyTemplate = z
  .strictObject({
    http_status: z
      .union([httpStatus, z.literal('entry')])
      .nullable()
      .meta({ description: "The HTTP status the body comes with: a number, 'entry' for the entry's own http_status, or null when not documented." }),
    body: z.string().min(1).meta({ description: 'The body with placeholders {{code}}, {{code_number}}, {{message}}, {{http_status}}.' }),
    note: bilingualText.meta({ description: 'Which documented example this is modelled on, and what is ours in it.' }),
  })
  .meta({ description: "How to build an entry's example_body from the vendor's documented envelope." });
export type ExampleBodyTemplate = z.output<typeof exampleBodyTemplate>;

export const exampleBodies = z
  .strictObject({
    error: exampleBodyTemplate.optional(),
    'task-state': exampleBodyTemplate.optional(),
    'http-status': exampleBodyTemplate.optional(),
    'sdk-error': exampleBodyTemplate.optional(),
  })
  .meta({ description: 'Per entry kind, the template of the example body shown for each entry of that kind.' });

export const vendorFile = z
  .strictObject({
    vendor,
    envelope,
    example_bodies: exampleBodies.optional(),
    entries: z.array(entry).min(1, 'must hold at least one entry'),
  })
  .meta({ title: 'Vendor file', description: 'One vendor of the error-code knowledge base: data/vendors/<id>.yaml' });
export type VendorFile = z.output<typeof vendorFile>;

export const category = z.strictObject({
  id,
  name: bilingualText,
  keywords: searchKeywords
    .optional()
    .meta({ description: 'Words people type for this kind of failure (ours, for search only): they find every entry of the category.' }),
  description: bilingualText,
  outcome: categoryOutcome,
  retryable_default: z.boolean().meta({ description: 'Whether entries of this category usually succeed on retry.' }),
  action_default: action.meta({ description: 'The next step for entries of this category, unless an entry says otherwise.' }),
  retry_default: retryPolicy
    .optional()
    .meta({ description: 'The retry policy of entries of this category whose action is poll, retry or wait, unless an entry gives its own.' }),
  advice: bilingualText.meta({ description: 'What a client should do about any entry of this category.' }),
  end_user_message: bilingualText.meta({
    description:
      "Default message an app can show its end user for entries of this category (plain words, no codes). Entries may override it.",
  }),
  end_user_can_act: z
    .boolean()
    .default(false)
    .meta({
      description:
        'True when the end user can fix the cause (retake a photo, pick another file): then every entry of the category needs its own end_user_message.',
    }),
});
export type Category = z.output<typeof category>;

export const categoriesFile = z
  .strictObject({
    categories: z.array(category).min(1),
  })
  .meta({ title: 'Categories file', description: 'The shared cross-vendor taxonomy: data/categories.yaml' });
export const equivalenceGroup = z
  .strictObject({
    id: id.meta({ description: 'Stable group id, e.g. no-face.' }),
    label: bilingualText.meta({ description: 'What the members have in common, in our words.' }),
    members: z
      .array(entryRef)
      .min(2, 'a group needs at least two members')
      .meta({ description: "Entries that mean the same failure, e.g. 'baidu-face/222202'. An entry belongs to at most one group." }),
  })
  .meta({ description: 'The same failure at several vendors. Every member lists every other member as an equivalent.' });
export type EquivalenceGroup = z.output<typeof equivalenceGroup>;

export const equivalenceGroupsFile = z
  .strictObject({ groups: z.array(equivalenceGroup) })
  .meta({ title: 'Equivalence groups file', description: 'The same failure across vendors, as groups: data/equivalence-groups.yaml' });
