/**
 * What the site serves besides its pages: the JSON artifact (dist/api/v1/), the search index
 * (dist/search-index/v1/, which also indexes the prose of the built pages) and the Explain page's
 * data (dist/explain-index/v1/, from the artifact's index). An Astro integration writes them when
 * `astro build` is done, in the same process, so the data is read once more rather than three
 * times; the build:api and build:search scripts call the same functions.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Artifact } from '../core/artifact.ts';
import type { ArtifactIndex } from '../core/artifact-types.ts';
import { EXPLAIN_DATA_ROOT, explainDataFiles } from '../core/explain-data.ts';
import type { KnowledgeBase } from '../core/validate.ts';
import { sharedArtifact, writeArtifact } from './artifact-files.ts';
import { DataValidationError, loadKnowledgeBase, PROJECT_ROOT } from './data-files.ts';
import { buildSearchFiles, writeFiles } from './search-files.ts';
import { realFs } from './output-fs.ts';
import { acquireLock, currentHolder, holderAlive } from './output-lock.ts';
import { assertWritableOutput, OUTPUT_MARKER, OutputFolderError } from './write-files.ts';

const elapsed = (started: number) => `${Math.round(performance.now() - started)} ms`;

/**
 * Writes the artifact into `target` (`<distDir>/api/v1/`); returns the line to print. `makeParent`:
 * the target is the project's own (dist/api/ is made as needed); a folder a user names needs its parent.
 */
export function writeArtifactFiles(artifact: Artifact, target: string, started = performance.now(), makeParent = true): string {
  const result = writeArtifact(artifact, target, { makeParent });
  const summary = `${artifact.files.size} files (${artifact.entries.length} entries, data_version ${artifact.dataVersion})`;
  return result === 'unchanged' ? `✔ ${target} already holds these ${summary}: nothing written` : `✔ wrote ${summary} to ${target} in ${elapsed(started)}`;
}

/** Writes the search index into `<distDir>/search-index/v1/`; returns the line to print. */
export function writeSearchIndexFiles(kb: KnowledgeBase, artifact: Artifact, distDir: string, started = performance.now()): string {
  const files = buildSearchFiles(kb, artifact, distDir);
  writeFiles(files, join(distDir, 'search-index', 'v1'), 'search index', { makeParent: true });
  const bytes = [...files.values()].reduce((n, t) => n + t.length, 0);
  const manifest = JSON.parse(files.get('manifest.json')!);
  return (
    `✔ search index: ${manifest.docs} documents, ${files.size} files, ${(bytes / 1024).toFixed(0)} KiB ` +
    `(${manifest.shards.text} index files) in ${elapsed(started)}`
  );
}

/** Writes the Explain page's data into `<distDir>/explain-index/v1/`; returns the line to print. */
export function writeExplainDataFiles(artifact: Artifact, distDir: string, started = performance.now()): string {
  const files = explainDataFiles(JSON.parse(artifact.files.get('index.json')!) as ArtifactIndex);
  writeFiles(files, join(distDir, ...EXPLAIN_DATA_ROOT.split('/').filter(Boolean)), 'explain data', { makeParent: true });
  const bytes = [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
  return `✔ explain data: ${files.size} files, ${(bytes / 1024).toFixed(0)} KiB in ${elapsed(started)}`;
}

/** The lock every `astro build` of this project holds while it builds (holdBuildLock). */
export const BUILD_LOCK = join(PROJECT_ROOT, '.astro', 'vision-errors-build.lock');

/**
 * Two `astro build`s of this project at once share Astro's working folders (`.astro/`, and
 * `.astro/.prerender/` for an output folder outside the project: KB_OUT_DIR), so one deleted the
 * other's chunks mid-build ("Cannot find module …/.prerender/chunks/…"). The second build waits for
 * the first (KB_BUILD_WAIT_S, default 30 minutes: a 50k-entry build takes several). The lock is given
 * back when the build is done or its process ends; a killed build's lock is taken over (its pid is gone).
 */
function holdBuildLock(): () => void {
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
  const release = acquireLock(BUILD_LOCK, PROJECT_ROOT, 'site', {
    fs: realFs,
    waitMs: Number(process.env.KB_BUILD_WAIT_S || 1800) * 1000,
    holder: currentHolder(),
    isAlive: holderAlive,
    onWait: (message) => process.stderr.write(`${message}\n`),
  });
  process.once('exit', release);
  return release;
}

/**
 * Why the site cannot be built into `distDir`, when it is on another file system than the project:
 * Astro 7 moves the built assets there from the project's .astro/ folder with rename(), which fails
 * across file systems (EXDEV) after the build has spent its time. Said before the build starts.
 */
export function otherFilesystem(distDir: string, stat: (path: string) => { dev: number } = statSync): string | undefined {
  let existing = distDir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  if (stat(existing).dev === stat(PROJECT_ROOT).dev) return undefined;
  return `cannot build the site into ${distDir}: it is on another file system than the project (${PROJECT_ROOT}), and Astro moves the built files there with a rename, which fails across file systems. Build into a folder on the same file system, then copy it.`;
}

/**
 * Why the site cannot be built into `distDir` when it holds a `.git`: Astro 7 (7.3.5) empties the
 * folder before a build and means to keep `.git`, but its list of names to keep is `new Set(".git")`,
 * the characters ".", "g", "i" and "t": a repository checked out in dist/ to publish from would be deleted.
 */
export function gitInOutput(distDir: string): string | undefined {
  if (!existsSync(join(distDir, '.git'))) return undefined;
  return `refusing to build the site into ${distDir}: it holds ${join(distDir, '.git')}, which Astro would delete with everything else in the folder before the build. Move the repository out (publish from a copy of the folder), or build into another folder with KB_OUT_DIR.`;
}

/** The output folder buildChecks() accepted, until its marker is written. */
let markedDir: string | undefined;

/** The lock of this process's build, taken by buildChecks() and given back by siteOutputs(). */
let releaseBuildLock: (() => void) | undefined;

/**
 * The checks and the build lock, first of all integrations (astro.config.mjs): before any other's
 * setup touches Astro's shared folders. starlight-links-validator deletes the content layer's data
 * store in its setup; run before the lock, a waiting build deleted it under the running one, which
 * then wrote it back, and the waiting build, reading it cached, never saw its guides rendered: its
 * links to them were "invalid" (the likely cause of one CI failure of 2026-12-07, not reproduced since).
 */
export function buildChecks(): AstroIntegration {
  return {
    name: 'vision-errors:build-checks',
    hooks: {
      // Astro empties its output folder before it builds. The project's own dist/ is that folder by
      // design; any other (KB_OUT_DIR) must be new, empty, or an earlier build's (it has the marker).
      // The data is validated here too, before Astro bundles anything: a problem stops the build in
      // seconds with the validator's lines alone. Thrown later, from a page's getStaticPaths, Astro
      // would print it with its own stack trace. (`astro dev` shows it per page instead.)
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        try {
          const distDir = resolve(fileURLToPath(config.outDir));
          const git = gitInOutput(distDir);
          if (git) throw new OutputFolderError(git);
          if (distDir !== resolve(PROJECT_ROOT, 'dist')) {
            assertWritableOutput(distDir, 'site');
            const elsewhere = otherFilesystem(distDir);
            if (elsewhere) throw new OutputFolderError(elsewhere);
          }
          loadKnowledgeBase();
          // After the checks, which need no lock: a refused folder or bad data fails at once.
          releaseBuildLock = holdBuildLock();
          markedDir = distDir;
        } catch (error) {
          if (!(error instanceof DataValidationError || error instanceof OutputFolderError)) throw error;
          // stderr itself, not Astro's logger, which --silent mutes.
          process.stderr.write(`${error.message}\n`);
          process.exit(1);
        }
      },
      // Astro has emptied the folder (its marker too) and writes nothing before this hook: marked now,
      // a build killed or failed halfway leaves a folder the next build may empty, not one it refuses.
      'astro:build:setup': () => {
        if (markedDir === undefined) return;
        mkdirSync(markedDir, { recursive: true });
        writeFileSync(join(markedDir, OUTPUT_MARKER), '');
        markedDir = undefined;
      },
    },
  };
}

/** The JSON artifact, the search index and Explain's data, written when the pages are built. */
export function siteOutputs(): AstroIntegration {
  return {
    name: 'vision-errors:outputs',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        // Marks the folder as a build's, so the next build may empty it (the marker lists no files:
        // Astro replaces the whole folder).
        writeFileSync(join(distDir, OUTPUT_MARKER), '');
        const started = performance.now();
        const kb = loadKnowledgeBase();
        const { artifact } = sharedArtifact(kb);
        logger.info(writeArtifactFiles(artifact, join(distDir, 'api', 'v1'), started));
        logger.info(writeSearchIndexFiles(kb, artifact, distDir));
        logger.info(writeExplainDataFiles(artifact, distDir));
        releaseBuildLock?.();
        releaseBuildLock = undefined;
      },
    },
  };
}
