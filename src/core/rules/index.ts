/**
 * Every rule the zod schema cannot express, in the order they run. A problem a rule finds is printed
 * with the rule's name: `file:line:col path: message [rule-name]`. Each rule is named by at least one
 * broken fixture in test/fixtures/ (`# rule:` line); test/validate.test.ts checks that.
 */
import { actionException } from './action-exception.ts';
import { actionRetryable } from './action-retryable.ts';
import { caseUniqueCode } from './case-unique-code.ts';
import { categoryAction } from './category-action.ts';
import { categorySameNumbers } from './category-same-numbers.ts';
import { codeCharacters } from './code-characters.ts';
import { endUserMessageAction } from './end-user-message-action.ts';
import { endUserMessageShare } from './end-user-message-share.ts';
import { equivalenceGroups } from './equivalence-groups.ts';
import { exampleBodyPlaceholders } from './example-body-placeholders.ts';
import { exampleBodyRenders } from './example-body-renders.ts';
import { forwardsFromVendor } from './forwards-from-vendor.ts';
import { historyValues } from './history-values.ts';
import { httpStatusCode } from './http-status-code.ts';
import { knownCategory } from './known-category.ts';
import { lookupUniqueCode } from './lookup-unique-code.ts';
import { maxPlaceholders } from './max-placeholders.ts';
import { messageTrimmed } from './message-trimmed.ts';
import { messageVariants } from './message-variants.ts';
import { remedyProvenance } from './remedy-provenance.ts';
import { reservedVendorId } from './reserved-vendor-id.ts';
import { retryPolicyRule } from './retry-policy.ts';
import { retryableException } from './retryable-exception.ts';
import { sameNumbers } from './same-numbers.ts';
import { taskOutcome } from './task-outcome.ts';
import { taskStateEnvelope } from './task-state-envelope.ts';
import { templateFlag } from './template-flag.ts';
import type { Rule } from './types.ts';
import { uniqueCategoryId } from './unique-category-id.ts';
import { uniqueCode } from './unique-code.ts';
import { uniqueVendorId } from './unique-vendor-id.ts';
import { urlSafeCode } from './url-safe-code.ts';
import { vendorIdMatchesFile } from './vendor-id-matches-file.ts';
import { vendorTextLanguage } from './vendor-text-language.ts';

export type { Rule } from './types.ts';
export { runRules } from './run.ts';

export const RULES: readonly Rule[] = [
  // data/categories.yaml
  uniqueCategoryId,
  categorySameNumbers,
  categoryAction,
  // each vendor file
  vendorIdMatchesFile,
  reservedVendorId,
  uniqueVendorId,
  uniqueCode,
  caseUniqueCode,
  lookupUniqueCode,
  codeCharacters,
  knownCategory,
  urlSafeCode,
  httpStatusCode,
  taskOutcome,
  templateFlag,
  maxPlaceholders,
  messageTrimmed,
  messageVariants,
  historyValues,
  vendorTextLanguage,
  remedyProvenance,
  sameNumbers,
  retryableException,
  actionException,
  actionRetryable,
  retryPolicyRule,
  endUserMessageAction,
  endUserMessageShare,
  exampleBodyRenders,
  exampleBodyPlaceholders,
  taskStateEnvelope,
  forwardsFromVendor,
  // data/equivalence-groups.yaml
  equivalenceGroups,
];
