/**
 * Messages the API was seen to return besides the documented one (message_variants, issue 23): in the
 * artifact with their template flag and source, and found by the search (the site's engine, built by
 * the library in memory here) exactly like the documented message, templates filled in any way.
 */
import { describe, expect, it } from 'vitest';
import { realIndex } from './support/real-index.ts';
import { searchEntryHits } from '../src/core/index.ts';

const index = realIndex();
const byId = new Map(index.entries.map((e) => [e.id, e]));
const first = async (q: string) => (await searchEntryHits(index, q))[0];

describe('message variants in the artifact', () => {
  it('carry their message, template flag, date seen, source and release', () => {
    const [variant] = byId.get('g42-image/APIG.0308')!.message_variants;
    expect(variant).toEqual({
      message: 'The throttling threshold has been reached: policy %s over ratelimit,limit:%d,time:%s',
      message_is_template: true,
      seen: 2024,
      source: {
        title: expect.stringContaining('APIG.0308'),
        url: expect.stringMatching(/^https:\/\/github\.com\/opentelekomcloud-docs\/optical-character-recognition\/blob\/867c98c/),
        version: '867c98c',
        read: '2026-12-07',
      },
      recorded: '2026-12-07',
    });
    expect(byId.get('baidu-face/223105')!.message_variants.map((v) => [v.message, v.message_is_template, v.seen])).toEqual([['face already exist', false, '2021-07-11']]);
  });
});

describe('the search finds an entry by a message variant', () => {
  it('pasted literally (any case, trailing full stop or not), as it finds the documented message', async () => {
    expect(await first('Obtaining the file from the URL failed.')).toMatchObject({ entry: { id: 'g42-image/ModelArts.4603' }, reason: 'message' });
    expect(await first('obtaining the file from the OBS failed')).toMatchObject({ entry: { id: 'g42-image/ModelArts.4704' }, reason: 'message' });
    expect(await first('image download fail')).toMatchObject({ entry: { id: 'baidu-face/222204' }, reason: 'message' });
    expect(await first('connection or read data timeout')).toMatchObject({ entry: { id: 'baidu-face/sdk/SDK108' }, reason: 'message' });
  });

  it('filled in at run time, for a template variant', async () => {
    const hit = await first('The throttling threshold has been reached: policy ip over ratelimit,limit:5,time:1 minute');
    expect(hit).toMatchObject({ entry: { id: 'g42-image/APIG.0308' }, reason: 'message' });
    const subscribed = await first('Request api error! The API ocr-general-text is not subscribed.');
    expect(subscribed).toMatchObject({ entry: { id: 'g42-image/ModelArts.4204' }, reason: 'message' });
  });
});
