/**
 * Codes an official SDK returns on the client (kind sdk-error, Baidu's SDK100…SDK112) and messages the
 * API was seen to return besides the documented one (message variants, literal or template): lookup
 * and explain find them from a pasted JSON body. (Python reprs of the same bodies are explain's input
 * reading, tested with it.)
 */
import { describe, expect, it } from 'vitest';
import { createLookup, lookup, find } from '../../src/core/lookup.ts';
import { explain } from '../../src/core/explain.ts';
import { realIndex } from '../support/real-index.ts';
import { expectWellFormed } from '../support/explain.ts';

const index = realIndex();
const kb = createLookup(index);
const sdkEntries = index.entries.filter((e) => e.kind === 'sdk-error');

describe('lookup of SDK codes', () => {
  it('finds every Baidu SDK code by vendor and code, by id, and among all vendors', () => {
    expect(sdkEntries.map((e) => e.code)).toEqual(['SDK100', 'SDK101', 'SDK102', 'SDK103', 'SDK104', 'SDK105', 'SDK106', 'SDK107', 'SDK108', 'SDK109', 'SDK110', 'SDK111', 'SDK112']);
    for (const e of sdkEntries) {
      expect(e.id).toBe(`baidu-face/sdk/${e.code}`);
      expect(lookup(index, 'baidu-face', e.code)?.id).toBe(e.id);
      expect(lookup(index, 'baidu' as string, e.code.toLowerCase(), 'sdk-error')?.id).toBe(e.id);
      expect(kb.entry(e.id)?.id).toBe(e.id);
      expect(find(index, e.code).map((x) => x.id)).toEqual([e.id]);
    }
    // The kind is the SDK's, never the API's error table.
    expect(lookup(index, 'baidu-face', 'SDK101' as string, 'error')).toBeUndefined();
  });

  it('gives each its literal message as the SDK returns it, no HTTP status and a page under /sdk/', () => {
    const sdk101 = kb.entry('baidu-face/sdk/SDK101')!;
    expect(sdk101).toMatchObject({ kind: 'sdk-error', message: 'image length error', http_status: null });
    expect(sdk101.url).toMatch(/\/baidu-face\/sdk\/SDK101\/$/);
    expect(kb.entry('baidu-face/sdk/SDK108')!.message).toBe('connection or read data time out');
    expect(kb.entry('baidu-face/sdk/SDK111')!.message).toBe('wait for aysnc result timeout'); // the SDK's typo, kept
  });
});

describe('explain() on what the SDK returns', () => {
  it('reads a JSON body with an SDK code as that SDK entry of Baidu Face, and says the SDK returned it', () => {
    const r = explain('{"error_code": "SDK101", "error_msg": "image length error"}', {}, index);
    expectWellFormed(r);
    expect(r.vendor).toBe('baidu-face');
    expect(r.entry?.id).toBe('baidu-face/sdk/SDK101');
    expect(r.outcome).toBe('failure');
    expect(r.retryable).toBe(false);
    expect(r.reasonKeys.map((k) => k.key)).toContain('explain.reason.sdkCodeIsEntry');
    expect(r.reasons.join(' ')).toMatch(/official SDK returns on the client/);
    expect(r.reasonsZh.join(' ')).toMatch(/SDK 在客户端返回/);
    // The message is the documented one: no remark about it.
    expect(r.reasonKeys.map((k) => k.key)).not.toContain('explain.reason.messageDiffers');
  });

  it('explains every SDK entry from its example body, with or without the vendor named', () => {
    for (const e of sdkEntries) {
      expect(e.example_body, e.id).toBeDefined();
      for (const options of [{}, { vendor: 'baidu-face' }]) {
        const r = explain(e.example_body!.body, options, index);
        expect(r.entry?.id, `${e.id} ${JSON.stringify(options)}`).toBe(e.id);
        expect(r.outcome).toBe('failure');
      }
    }
    expect(JSON.parse(kb.entry('baidu-face/sdk/SDK109')!.example_body!.body)).toEqual({ error_code: 'SDK109', error_msg: 'unsupported image format' });
  });

  it('retries a timeout the SDK reports and says so; its other spelling is a known variant', () => {
    const r = explain('{"error_code": "SDK108", "error_msg": "connection or read data timeout"}', {}, index);
    expect(r.entry?.id).toBe('baidu-face/sdk/SDK108');
    expect(r.retryable).toBe(true);
    expect(r.reasonKeys.map((k) => k.key)).toContain('explain.reason.messageVariant');
    expect(r.reasonKeys.map((k) => k.key)).not.toContain('explain.reason.messageDiffers');
  });

  it('a message that is neither documented nor a variant still differs', () => {
    const r = explain('{"error_code": "SDK108", "error_msg": "socket closed"}', {}, index);
    expect(r.entry?.id).toBe('baidu-face/sdk/SDK108');
    expect(r.reasonKeys.map((k) => k.key)).toContain('explain.reason.messageDiffers');
  });
});

describe('message variants in explain() and lookup', () => {
  it('a literal variant with its code is that entry, noted as a variant with when it was seen', () => {
    for (const [body, id, seen] of [
      ['{"error_code": 222204, "error_msg": "image download fail", "log_id": 7510175895525}', 'baidu-face/222204', '2022-01-10'],
      ['{"error_code": 223105, "error_msg": "face already exist"}', 'baidu-face/223105', '2021-07-11'],
      ['{"error_code": "ModelArts.4704", "error_msg": "Obtaining the file from the OBS failed."}', 'g42-image/ModelArts.4704', '2024'],
    ] as const) {
      const r = explain(body, {}, index);
      expectWellFormed(r);
      expect(r.entry?.id, body).toBe(id);
      const variant = r.reasonKeys.find((k) => k.key === 'explain.reason.messageVariant');
      expect(variant?.params.seen, body).toBe(seen);
    }
  });

  it('a template variant filled in at run time matches, with any policy, limit and period', () => {
    for (const message of [
      'The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute',
      'The throttling threshold has been reached: policy ip over ratelimit,limit:5,time:5 second',
    ]) {
      const r = explain(JSON.stringify({ error_code: 'APIG.0308', error_msg: message }), {}, index);
      expect(r.entry?.id).toBe('g42-image/APIG.0308');
      expect(r.reasonKeys.map((k) => k.key)).toContain('explain.reason.messageVariant');
      expect(kb.matchMessage(message).map((e) => e.id)).toEqual(['g42-image/APIG.0308']);
      expect(kb.matchMessage(message, 'baidu-face')).toEqual([]);
    }
    // The template's fixed words must be there: a limit that is not a number does not fill %d.
    expect(kb.matchMessage('The throttling threshold has been reached: policy user over ratelimit,limit:XX,time:1 minute')).toEqual([]);
    expect(kb.matchMessage('Request api error! The API /v2/image/tagging is not subscribed.').map((e) => e.id)).toEqual(['g42-image/ModelArts.4204']);
  });

  it('a body with a variant message and no code is explained by the message alone', () => {
    const r = explain('{"error_msg": "Obtaining the file from the URL failed."}', {}, index);
    expect(r.entry?.id).toBe('g42-image/ModelArts.4603');
    expect(r.outcome).toBe('failure');
    expect(kb.matchMessage('param[image] is null').map((e) => e.id)).toEqual(['baidu-face/222001']);
  });

  it('a message both an SDK code and an API code return lists both, and the code decides', () => {
    expect(kb.matchMessage('group_id format error').map((e) => e.id)).toEqual(['baidu-face/222006', 'baidu-face/sdk/SDK104']);
    expect(explain('{"error_code": "SDK104", "error_msg": "group_id format error"}', {}, index).entry?.id).toBe('baidu-face/sdk/SDK104');
    expect(explain('{"error_code": 222006, "error_msg": "group_id format error"}', {}, index).entry?.id).toBe('baidu-face/222006');
  });

  it('Baidu 14 is found by its code and by its message', () => {
    const r = explain('{"error_code": 14, "error_msg": "IAM Certification failed"}', {}, index);
    expect(r.entry?.id).toBe('baidu-face/14');
    expect(r.entry?.action).toBe('fix-request');
    expect(kb.matchMessage('IAM Certification failed').map((e) => e.id)).toEqual(['baidu-face/14']);
  });
});
