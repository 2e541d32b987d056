/**
 * `astro dev` with live data: when a file under the data folder is saved, added or removed, Astro
 * forgets the pages it listed (so a new code gets its page) and the browser reloads. src/site/kb.ts
 * notices the change itself (loadKnowledgeBase rereads a changed folder); invalid data fails the
 * page and the terminal prints the validator's file:line:column messages. The artifact and the
 * search index are served from memory too, and follow the same edits.
 */
import { resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { DEFAULT_DATA_DIR } from './data-files.ts';
import { devOutputsMiddleware } from './dev-outputs.ts';

export function devDataReload(dataDir = DEFAULT_DATA_DIR): AstroIntegration {
  return {
    name: 'vision-errors:dev-data-reload',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        // /api/v1/ and /search-index/v1/ from the same in-memory data (src/node/dev-outputs.ts).
        server.middlewares.use(devOutputsMiddleware(dataDir));
        const root = resolve(dataDir) + sep;
        server.watcher.add(dataDir);
        server.watcher.on('all', (event, path) => {
          if (!resolve(path).startsWith(root) || !/\.ya?ml$/.test(path)) return;
          logger.info(`${event} ${path}: reloading the data`);
          // The event Astro's own content layer sends: each server environment drops its cached getStaticPaths().
          for (const environment of Object.values(server.environments)) {
            if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
          }
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        });
      },
    },
  };
}
