/**
 * Search vocabulary that is not in the data because it belongs to the schema, not to a category:
 * the words people use for a task state's outcome. Categories and entries carry their own keywords
 * (`keywords` in data/categories.yaml and the vendor files).
 */
import type { TaskOutcome } from '../artifact-types.ts';

/** Keywords of a task state of each outcome, both languages (indexed like a category's keywords). */
export const OUTCOME_WORDS: Record<TaskOutcome, string[]> = {
  pending: ['task state', 'pending', 'still processing', 'in progress', 'queued', 'waiting', 'not finished', 'not done yet', 'running',
    '任务状态', '处理中', '还在处理', '任务还在处理中', '进行中', '排队中', '等待中', '未完成'],
  success: ['task state', 'success', 'succeeded', 'completed', 'finished', 'done', '任务状态', '成功', '已完成'],
  failure: ['task state', 'failed', 'failure', 'task failed', '任务状态', '失败', '任务失败', '处理失败'],
};

/**
 * Weights of the indexed fields. A word found in the literal message, the meaning or the entry's own
 * keywords counts most, then its category's name and keywords and its task outcome's words, then
 * the vendor's name and the remedy. Pages: the title counts like a message, the body like a remedy.
 */
export const FIELD_WEIGHTS = { text: 3, keywords: 2, context: 1 } as const;
export type FieldGroup = keyof typeof FIELD_WEIGHTS;
export const FIELD_GROUPS = Object.keys(FIELD_WEIGHTS) as FieldGroup[];
/**
 * Phrase tokens (adjacent words of the message, meaning and keywords) and whole-keyword tokens live
 * in their own index.
 */
export const PHRASE_GROUP = 'phrase';

/**
 * Words that label a code rather than describe a failure (`错误码 222207`, `error code 222207`,
 * `state -8`): a query that is such words, vendor names and one code is a search for that code.
 */
export const CODE_LABELS = ['error', 'err', 'errno', 'errcode', 'errorcode', 'error_code', 'err_code', 'code', 'status', 'status_code', 'statuscode', 'state', 'http',
  'return', 'returns', 'returned', 'returning', 'gives', 'giving',
  '错误码', '错误代码', '错误', '报错', '代码', '状态码', '返回码', '返回', '状态', '码', '的', '是'];

/**
 * English words that carry no meaning of their own in a search (`account has no balance`): not
 * indexed, not searched, and skipped over by phrase pairs. `no`, `not`, `too`, `out` do carry meaning.
 */
export const FILLER_WORDS = ['the', 'an', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'do', 'does', 'did', 'to', 'of', 'for',
  'in', 'on', 'at', 'by', 'with', 'and', 'or', 'it', 'its', 'this', 'that', 'my', 'our', 'your', 'we', 'you', 'me', 'please',
  // The words of a support ticket around the problem (`customer says …`, `since this morning …`).
  'customer', 'customers', 'ticket', 'hi', 'hello', 'says', 'said', 'reports', 'reported', 'keeps', 'getting', 'gets', 'got',
  'since', 'today', 'yesterday', 'morning', 'why', 'how', 'what', 'when', 'always', 'every', 'each', 'from', 'but', 'so', 'then',
  'they', 'them', 'who', 'which', 'while', 'into', 'about', 'just', 'also'];
/**
 * The Chinese words of a support ticket around the problem (客户反馈…, 一直报…, 怎么办): a query is
 * split at them, as at 的, so they neither form bigrams nor find anything. Queries only: the index is
 * built without them anyway (they are not in the data's words).
 */
export const CHINESE_QUERY_FILLERS = ['客户', '反馈', '工单', '怎么办', '怎么回事', '为什么', '一直', '老是', '总是', '请问', '你好'];
/** The Chinese particle whose neighbours never form a word with it (上传的图片: 上传, 图片; not 传的, 的图). */
export const CHINESE_PARTICLE = '的';
