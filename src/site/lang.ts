/**
 * The reader's language. A page knows it from the `lang` prop its route passes (src/site/paths.ts
 * sets it from the route's locale); what Starlight renders without our props (the route
 * middleware, component overrides) reads the locale from Starlight's route data with this.
 */
import type { Lang } from '../core/schema.ts';

/** `lang` of Starlight's route data ('en', 'zh-CN') as the data's language key. */
export function langOfLocale(locale: string): Lang {
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
