/** Runs each rule over its scope, in the order of the list, tagging every problem with the rule's name. */
import { formatPath, type ParsedYaml, type Problem } from '../yaml-source.ts';
import type { Dataset, Report, Rule } from './types.ts';

export function runRules(rules: readonly Rule[], dataset: Dataset): Problem[] {
  const problems: Problem[] = [];
  const reporter =
    (rule: Rule, parsed: ParsedYaml): Report =>
    (path, message, target = 'value') =>
      problems.push({ file: parsed.file, ...parsed.locate(path, target), path: formatPath(path), message, rule: rule.name });

  for (const rule of rules) {
    // One problem, one message: a file that failed stops the counts that need it (its own problems say why).
    if (rule.wholeData && !dataset.complete) continue;
    switch (rule.scope) {
      case 'categories':
        if (dataset.categories) rule.check({ ...dataset, categories: dataset.categories }, reporter(rule, dataset.categories.parsed));
        break;
      case 'vendor':
        for (const vendor of dataset.vendors) rule.check({ ...dataset, vendor }, reporter(rule, vendor.parsed));
        break;
      case 'entry':
        for (const vendor of dataset.vendors) {
          const report = reporter(rule, vendor.parsed);
          vendor.data.entries.forEach((entry, index) => rule.check({ ...dataset, vendor, entry, index, at: (...rest) => ['entries', index, ...rest] }, report));
        }
        break;
      case 'groups':
        if (dataset.groups) rule.check({ ...dataset, groups: dataset.groups }, reporter(rule, dataset.groups.parsed));
        break;
    }
  }
  return problems;
}
