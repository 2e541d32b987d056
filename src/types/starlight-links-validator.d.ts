/**
 * The part of starlight-links-validator's API that astro.config.mjs uses. The package ships raw
 * TypeScript that only type-checks inside its own project (it relies on module augmentations we do
 * not load), so tsconfig.typecheck.json (what `npm test` and `npm run typecheck` use) maps the import here instead of checking the package's sources.
 */
import type { StarlightPlugin } from '@astrojs/starlight/types';

export interface StarlightLinksValidatorOptions {
  exclude?: string[] | ((link: { file: string; link: string; slug: string }) => boolean);
  errorOnRelativeLinks?: boolean;
  errorOnInvalidHashes?: boolean;
  errorOnLocalLinks?: boolean;
  errorOnFallbackPages?: boolean;
}

export default function starlightLinksValidator(options?: StarlightLinksValidatorOptions): StarlightPlugin;
