/** What to do when no entry says it: explain's own advice, in both languages (ours, not a vendor's). */
import type { Bilingual } from './types.ts';

export const ADVICE = {
  success: {
    en: 'The call succeeded: read the result from the body. Nothing to fix.',
    zh: '调用成功：从响应体中读取结果即可，无需处理。',
  },
  pending: {
    en: 'The task is still running: query it again after a short wait, until it succeeds or fails.',
    zh: '任务仍在处理中：稍等片刻后再次查询，直到成功或失败。',
  },
  unknownCode: {
    en: "This code is not in the knowledge base. Check the vendor's current documentation; if it persists, contact the vendor's support with the request or log id from the response.",
    zh: '知识库中没有该错误码。请查阅厂商的最新文档；如果问题持续，请携带响应中的请求 ID 或日志 ID 联系厂商技术支持。',
  },
  failure: {
    en: 'The call failed, but the response says too little to tell why. Paste the whole body, add the HTTP status, or choose the vendor.',
    zh: '调用失败，但响应中的信息不足以判断原因。请粘贴完整的响应体、填写 HTTP 状态码，或选择厂商。',
  },
  candidates: {
    en: 'Several entries fit: pick the one of the vendor you called (see the candidates), or add the vendor or the HTTP status.',
    zh: '有多个条目符合：请在候选条目中选择所调用厂商的条目，或补充厂商或 HTTP 状态码。',
  },
  unknown: {
    en: 'Could not tell what this response means. Paste the whole JSON body as received, add the HTTP status, or choose the vendor.',
    zh: '无法判断该响应的含义。请粘贴收到的完整 JSON 响应体、填写 HTTP 状态码，或选择厂商。',
  },
} satisfies Record<string, Bilingual>;
