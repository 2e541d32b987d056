/**
 * Starlight's i18n loader with explain's strings merged in. explain's reasons and advice live in
 * src/core/explain/i18n/<locale>.json, apart from the site's and the CLI's strings in
 * src/content/i18n/, so the library ships only its own (a browser app bundling explain carried every
 * string of the site before). Starlight reads one catalogue per locale for Astro.locals.t: this
 * wrapper merges explain's file into the entry of the same name ('en', 'zh-cn'), so `t` has every key.
 *
 * It wraps the loader rather than forking it: the loader still finds, reads, parses and watches the
 * files; only parseData (what an entry holds) and generateDigest (when a cached entry is reused) see
 * explain's strings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';

/** Where explain's strings are, relative to src/. */
export const EXPLAIN_STRINGS_DIR = 'core/explain/i18n/';

interface ExplainStrings {
  /** Each locale's strings, by the entry id Starlight gives the file of the same name (lower case). */
  byLocale: Map<string, Record<string, string>>;
  /** The files' text: part of every entry's digest, so an entry is reloaded when only these change. */
  stamp: string;
}

function readExplainStrings(dir: URL): ExplainStrings {
  const where = (name: string) => fileURLToPath(new URL(name, dir));
  const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  const texts = files.map((name) => readFileSync(new URL(name, dir), 'utf8'));
  const byLocale = new Map<string, Record<string, string>>();
  files.forEach((name, i) => {
    let data: unknown;
    try {
      data = JSON.parse(texts[i]!);
    } catch (error) {
      throw new Error(`${where(name)}: ${(error as Error).message}`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${where(name)}: not a JSON object of key → text`);
    byLocale.set(name.slice(0, -'.json'.length).toLowerCase(), data as Record<string, string>);
  });
  return { byLocale, stamp: texts.join('\n') };
}

/**
 * `loader` (Starlight's i18nLoader()) with explain's strings of each locale merged into its entry.
 * A key in both files, or a locale without explain's strings, fails the load with both file names.
 * `dir` defaults to src/core/explain/i18n/ of the project.
 */
export function withExplainStrings(loader: Loader, dir?: URL): Loader {
  return {
    name: `${loader.name}+explain-strings`,
    load: async (context: LoaderContext) => {
      const stringsDir = dir ?? new URL(EXPLAIN_STRINGS_DIR, context.config.srcDir);
      let strings = readExplainStrings(stringsDir);
      await loader.load({
        ...context,
        generateDigest: (data) => context.generateDigest(typeof data === 'string' ? `${data}\n${strings.stamp}` : data),
        parseData: (props) => {
          const where = props.filePath ?? props.id;
          const own = strings.byLocale.get(props.id);
          if (!own) throw new Error(`${where}: no ${props.id}.json in ${fileURLToPath(stringsDir)} with explain's strings for this locale`);
          const both = Object.keys(own).filter((key) => Object.hasOwn(props.data, key));
          if (both.length) throw new Error(`${where}: ${both.join(', ')} also in ${fileURLToPath(stringsDir)}: explain's strings belong there only`);
          return context.parseData({ ...props, data: { ...props.data, ...own } });
        },
      });
      // In dev: when explain's strings change, have the loader reload each locale's entry, as if its
      // file had changed. getCollection('i18n') then has them; Starlight's `t` keeps the strings it
      // read at start-up until its own module is reloaded (an edit of src/content/i18n/, or a restart).
      const watcher = context.watcher;
      if (!watcher) return;
      const dirPath = fileURLToPath(stringsDir);
      watcher.add(dirPath);
      watcher.on('change', (path) => {
        if (!path.startsWith(dirPath) || !path.endsWith('.json')) return;
        try {
          strings = readExplainStrings(stringsDir);
        } catch (error) {
          context.logger.error((error as Error).message);
          return;
        }
        for (const entry of context.store.values()) if (entry.filePath) watcher.emit('change', fileURLToPath(new URL(entry.filePath, context.config.root)));
      });
    },
  };
}
