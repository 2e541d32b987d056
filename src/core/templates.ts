/**
 * Message templates: vendors fill `%s` / `%d` placeholders at run time, so a concrete message such as
 * "Failed to log in 5 consecutive times, please try again after 10 minutes" must match the template
 * "Failed to log in %s consecutive times, please try again after %s".
 */
const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/** Regular-expression source (anchored) that matches any filled-in version of a template. */
export function templatePattern(template: string): string {
  const parts = template.split(/(%[sd])/);
  const body = parts
    .map((part) => (part === '%s' ? '(.+?)' : part === '%d' ? '(-?\\d+)' : part.replace(REGEX_SPECIAL, '\\$&')))
    .join('');
  return `^${body}$`;
}

const compiled = new Map<string, RegExp>();

/** Does `message` match `template` (placeholders filled in any way)? Case and outer spaces are ignored. */
export function matchesTemplate(template: string, message: string): boolean {
  let re = compiled.get(template);
  if (!re) {
    re = new RegExp(templatePattern(template.trim()), 'is');
    compiled.set(template, re);
  }
  // Bounded input: templates are short, and a pasted message longer than this is not one of them.
  return message.length <= 2000 && re.test(message.trim());
}
