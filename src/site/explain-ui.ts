/**
 * The Explain page in the browser: reads the form, explains what was pasted over the page's own data
 * (explain-load.ts), triages it when it is a log, and renders the answer (explain-view.ts) into the
 * page's empty answer (ExplainAnswer.astro) with text nodes only: what is pasted is hostile. Keeps
 * the text in the history entry and, when short, in the URL's fragment (explain-state.ts), and
 * explains it again when the page is opened with one (Back, a reload, a shared link).
 */
import { PLACEHOLDER } from '../core/catalogues.ts';
import { explain, type ExplainOptions } from '../core/explain.ts';
import type { Lang } from '../core/artifact-types.ts';
import { nextStep } from '../core/next-step.ts';
import { triage } from '../core/triage.ts';
import { explainData } from './explain-load.ts';
import { fragmentOf, STATE_KEY, stateFromFragment, stateFromHistory, type ExplainState } from './explain-state.ts';
import { explainView, isLog, type EntryLinkView, type ExplainView } from './explain-view.ts';
import type { Translate } from './verdict.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, parent?: Element): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  parent?.append(node);
  return node;
}

/** `root` carries the page's language, base path, strings and vendor ids (ExplainPage.astro). */
export function mountExplain(root: HTMLElement, form: HTMLFormElement, answer: HTMLElement, status: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'zh' ? 'zh' : 'en';
  const base = root.dataset.base ?? '';
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>;
  const t: Translate = (key, params = {}) =>
    (strings[key] ?? key).replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
  const data = explainData(base, lang, JSON.parse(root.dataset.vendors ?? '[]') as string[]);
  const textarea = form.querySelector('textarea')!;
  const statusInput = form.querySelector<HTMLInputElement>('input[name=status]')!;
  const vendorSelect = form.querySelector<HTMLSelectElement>('select[name=vendor]')!;
  const part = (name: string) => answer.querySelector<HTMLElement>(`[data-part=${name}]`)!;
  const heading = answer.querySelector<HTMLElement>('#explain-answer')!;
  let sequence = 0;

  const linkTo = (view: EntryLinkView, parent: Element, testid?: string) => {
    const a = el('a', view.text, parent);
    a.href = base + view.href;
    if (testid) a.dataset.testid = testid;
    const context = el('span', ` · ${view.context}`, parent);
    context.className = 'kb-muted';
    return a;
  };

  function render(view: ExplainView): void {
    // The verdict: a copy of the <Aside> of its action, its title and text set.
    const template = document.querySelector<HTMLTemplateElement>(`template[data-verdict-template="${view.verdict.action}"]`)!;
    const aside = (template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
    aside.setAttribute('aria-label', view.verdict.title);
    const title = aside.querySelector('.starlight-aside__title')!;
    for (const node of [...title.childNodes]) if (node.nodeType === Node.TEXT_NODE) node.remove();
    title.append(view.verdict.title);
    const todo = aside.querySelector<HTMLElement>('[data-slot=todo]')!;
    todo.textContent = view.verdict.todo;
    todo.hidden = view.verdict.todo === '';
    const schedule = aside.querySelector<HTMLElement>('[data-slot=schedule]')!;
    schedule.textContent = view.verdict.schedule ?? '';
    schedule.hidden = !view.verdict.schedule;
    const verdict = part('verdict');
    verdict.replaceChildren(aside);
    verdict.dataset.action = view.verdict.action;
    verdict.dataset.tone = view.verdict.tone;

    const entry = part('entry');
    entry.replaceChildren();
    if (view.entry) {
      if (view.log) el('span', view.log.first, entry).className = 'kb-muted';
      linkTo(view.entry, entry, 'explain-entry');
    } else entry.textContent = view.noEntry ?? '';

    part('user').hidden = view.userMessage === '';
    answer.querySelector('#explain-user-message')!.textContent = view.userMessage;

    // The request id's row (with its copy button) stays; the facts after it are made anew.
    const facts = part('facts');
    for (const row of facts.querySelectorAll('[data-fact]')) row.remove();
    for (const node of facts.querySelectorAll<HTMLElement>('[data-part=request]')) node.hidden = !view.requestId;
    answer.querySelector('#explain-request-id')!.textContent = view.requestId?.value ?? '';
    for (const fact of view.facts) {
      el('dt', fact.label, facts).dataset.fact = fact.key;
      el('dd', fact.value, facts).dataset.fact = fact.key;
    }
    facts.hidden = view.facts.length === 0 && !view.requestId;

    const list = (name: string, items: readonly { link: EntryLinkView; verdict?: string }[]) => {
      const ul = part(name).querySelector('ul')!;
      ul.replaceChildren();
      for (const item of items) {
        const li = el('li', undefined, ul);
        linkTo(item.link, li);
        if (item.verdict) el('div', item.verdict, li).className = 'kb-muted';
      }
      part(name).hidden = items.length === 0;
    };
    list('candidates', view.candidates.map((link) => ({ link })));
    list('others', view.others);

    const log = part('log');
    log.hidden = !view.log;
    const body = log.querySelector('tbody')!;
    body.replaceChildren();
    if (view.log) {
      log.querySelector('[data-log-summary]')!.textContent = view.log.summary;
      const labels = [...log.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
      for (const row of view.log.rows) {
        const tr = el('tr', undefined, body);
        const cell = (text: string | undefined, i: number) => {
          const td = el('td', text, tr);
          if (i > 0) td.dataset.label = labels[i];
          return td;
        };
        linkTo(row.link, cell(undefined, 0));
        tr.firstElementChild!.className = 'kb-col-code';
        [String(row.count), row.verdict, row.retry, String(row.first), String(row.last)].forEach((text, i) => cell(text, i + 1));
      }
    }

    const search = part('search');
    search.hidden = !view.search;
    const a = search.querySelector('a')!;
    a.textContent = view.search?.text ?? '';
    if (view.search) a.href = base + view.search.href;

    const reasons = part('reasons');
    const ul = reasons.querySelector('ul')!;
    ul.replaceChildren(...view.reasons.map((reason) => el('li', reason)));
    reasons.hidden = view.reasons.length === 0;
    answer.hidden = false;
  }

  async function run(state: ExplainState, restoring: boolean): Promise<void> {
    const mine = ++sequence;
    status.textContent = t('explain.loading');
    let lookup;
    try {
      lookup = await data.lookup();
    } catch {
      if (mine === sequence) status.textContent = t('explain.loadError');
      return;
    }
    const options: ExplainOptions = {
      ...(state.status.trim() ? { httpStatus: Number(state.status) } : {}),
      ...(state.vendor ? { vendor: state.vendor } : {}),
    };
    const result = explain(state.text, options, lookup);
    const multiline = /\n\s*\S/.test(state.text.trim());
    const report = multiline ? triage(state.text, lookup, state.vendor ? { vendor: state.vendor } : {}) : undefined;
    const full = result.entry ? await data.entry(result.entry) : undefined;
    if (mine !== sequence) return; // a later run answers instead
    status.textContent = result.entry && !full ? t('explain.entryLoadError') : '';
    const step = nextStep(full ? { ...result, entry: full } : result, { attempt: 1 });
    render(explainView({ result, step, full, report: report && isLog(state.text, report) ? report : undefined, lookup, lang, t, text: state.text }));
    if (!restoring) {
      // The answer can be far below the form: bring it into view and move focus to its heading.
      heading.focus({ preventScroll: true });
      answer.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth', block: 'start' });
    }
  }

  const current = (): ExplainState => ({ text: textarea.value, status: statusInput.value, vendor: vendorSelect.value });
  function submit(): void {
    const state = current();
    // Kept for Back and reloads (whole) and for links (when short); the page's other state stays.
    const url = new URL(location.href);
    url.hash = fragmentOf(state);
    const kept = typeof history.state === 'object' && history.state !== null ? history.state : {};
    history.replaceState({ ...kept, [STATE_KEY]: state }, '', url.hash ? url : `${url.pathname}${url.search}`);
    void run(state, false);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  });
  for (const button of form.querySelectorAll<HTMLButtonElement>('.kb-explain-example')) {
    button.addEventListener('click', () => {
      textarea.value = button.dataset.body ?? '';
      statusInput.value = button.dataset.status ?? '';
      vendorSelect.value = '';
      submit();
    });
  }

  // Opened with a text (Back, a reload, a link): put it back and explain it.
  const restored = stateFromHistory(history.state) ?? stateFromFragment(location.hash);
  if (restored) {
    textarea.value = restored.text;
    statusInput.value = restored.status;
    vendorSelect.value = [...vendorSelect.options].some((o) => o.value === restored.vendor) ? restored.vendor : '';
    void run({ ...restored, vendor: vendorSelect.value }, true);
  }
}
