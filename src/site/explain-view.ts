/**
 * What the Explain page shows for an answer, as plain strings in the reader's language (no DOM: the
 * page's script renders it as text nodes, tests read it directly). The order is the page's: the
 * verdict and what to do first (verdict.ts, as on the entry pages), then the entry, the words for
 * the end user, the request id to quote, the code, message and status as read (each once), the
 * candidates, the other responses or a log's table, and how it was decided.
 *
 * Entries are named by code and meaning ("222202 · There is no face in the image"), never by id.
 */
import type { ArtifactEntry, Lang } from '../core/artifact-types.ts';
import type { ExplainResult } from '../core/explain/types.ts';
import { renderReason } from '../core/explain/reasons.ts';
import type { Lookup } from '../core/lookup.ts';
import { entryPagePath, LOCALE_PREFIX } from '../core/model.ts';
import type { NextStep } from '../core/next-step.ts';
import type { TriageReport } from '../core/triage.ts';
import type { Action } from '../core/typed.ts';
import { titleMeaning } from './entry-title.ts';
import { verdictOf, type Translate, type VerdictTone } from './verdict.ts';

export interface EntryLinkView {
  /** "222202 · There is no face in the image". */
  text: string;
  href: string;
  /** The vendor's name, and what kind of value the code is. */
  context: string;
}

export interface ExplainView {
  verdict: { action: Action; tone: VerdictTone; title: string; todo: string; schedule: string | undefined };
  /** The entry the response is; else a line saying none is. */
  entry: EntryLinkView | undefined;
  noEntry: string | undefined;
  userMessage: string;
  requestId: { label: string; value: string } | undefined;
  /** Code, message and HTTP status as read from what was pasted. */
  facts: { key: 'code' | 'message' | 'status'; label: string; value: string }[];
  candidates: EntryLinkView[];
  others: { link: EntryLinkView; verdict: string }[];
  /** A log's table; `first` introduces the answer's entry as the log's first response. */
  log: { summary: string; first: string; rows: { link: EntryLinkView; count: number; verdict: string; retry: string; first: number; last: number }[] } | undefined;
  /** A way on when nothing matched: search for the words pasted. */
  search: { text: string; href: string } | undefined;
  reasons: string[];
}

export interface ExplainViewInput {
  result: ExplainResult;
  /** nextStep() of the result, its entry replaced by the full one. */
  step: NextStep;
  /** The answer's entry from its own file (remedy, end-user message); undefined while it could not be loaded. */
  full: ArtifactEntry | undefined;
  /** The log's triage, when the text is a log (several lines, several responses). */
  report: TriageReport | undefined;
  /** The lookup explain ran over (the page's explain data). */
  lookup: Lookup;
  lang: Lang;
  t: Translate;
  /** The text pasted (for the search link). */
  text: string;
}

/** A search query from pasted text: its first words, one line. */
const SEARCH_CHARS = 100;

export function explainView(input: ExplainViewInput): ExplainView {
  const { result: r, step, full, report, lookup: l, lang, t } = input;
  const vendorName = (id: string | undefined) => {
    const v = id ? l.vendor(id) : undefined;
    return v ? (v.short_name ?? v.name)[lang] : t('explain.theVendor');
  };
  const link = (e: ArtifactEntry): EntryLinkView => ({
    text: `${e.code} · ${titleMeaning(e.meaning[lang] || e.code, lang).text}`,
    href: entryPagePath(e, lang),
    context: `${vendorName(e.vendor)} · ${t(`kindOne.${e.kind}`)}`,
  });
  const verdictOfEntry = (e: ArtifactEntry) => verdictOf(e, vendorName(e.vendor), t);
  const entry = full ?? r.entry;
  const v = entry ? verdictOfEntry(entry) : verdictOf({ action: step.action, retry: step.policy }, vendorName(r.vendor), t);
  const todo = entry ? (full?.remedy[lang] ?? '') : r.advice[lang];
  // The schedule with whose it is, as the entry page says it (a reason given with it says it better).
  const policy = entry ? entry.retry : step.policy;
  const reason = policy && 'reason' in policy ? (policy.reason as { en: string; zh: string } | null) : null;
  const note = policy && (reason ? reason[lang] : t(policy.source === 'vendor' ? 'schedule.vendor' : 'schedule.ours'));
  const schedule = v.schedule && t('entry.scheduleLine', { schedule: v.schedule, note: note || '' });

  const facts: ExplainView['facts'] = [];
  if (r.code !== undefined) facts.push({ key: 'code', label: t('explain.fact.code'), value: r.code });
  if (r.message !== undefined && r.message !== '') facts.push({ key: 'message', label: t('explain.fact.message'), value: r.message });
  if (r.httpStatus !== undefined) facts.push({ key: 'status', label: t('entry.httpStatus'), value: String(r.httpStatus) });

  const query = input.text.replace(/\s+/g, ' ').trim().slice(0, SEARCH_CHARS);
  const lost = !entry && r.candidates.length === 0 && r.outcome !== 'success' && r.outcome !== 'pending' && query !== '';

  return {
    verdict: { action: entry ? entry.action : step.action, tone: v.tone, title: v.text, todo, schedule },
    entry: entry ? link(entry) : undefined,
    noEntry: entry ? undefined : t('explain.noEntry'),
    userMessage: step.userMessage[lang],
    requestId: step.requestId !== undefined ? { label: t('explain.requestId'), value: step.requestId } : undefined,
    facts,
    candidates: r.candidates.map(link),
    others: report ? [] : (r.others ?? []).flatMap((o) => (o.entry ? [{ link: link(o.entry), verdict: verdictOfEntry(o.entry).text }] : [])),
    log: report && {
      summary: t('explain.logSummary', { lines: report.lines, found: report.found, unrecognised: report.unrecognised }),
      first: t('explain.logFirst'),
      rows: report.entries.flatMap((row) => {
        const e = l.entry(row.id);
        return e ? [{ link: link(e), count: row.count, verdict: verdictOfEntry(e).text, retry: t(row.retryable ? 'yes' : 'no'), first: row.first_line, last: row.last_line }] : [];
      }),
    },
    search: lost ? { text: t('explain.searchFor', { query }), href: `${LOCALE_PREFIX[lang]}/search/?q=${encodeURIComponent(query)}` } : undefined,
    reasons: r.reasonKeys.map((reason) => renderReason(lang, reason, l)),
  };
}

/** Is the text a log to triage: several lines, and several responses found in them. */
export function isLog(text: string, report: TriageReport): boolean {
  return /\n\s*\S/.test(text.trim()) && report.found + report.unrecognised >= 2;
}
