/** The data changelog (src/core/changelog.ts): generated from the entries' history, variants and release dates. */
import { describe, expect, it } from 'vitest';
import { buildChangelog, type ChangelogEntry } from '../src/core/changelog.ts';
import { realIndex } from './support/real-index.ts';

const entry = (over: Partial<ChangelogEntry> & Pick<ChangelogEntry, 'id' | 'vendor'>): ChangelogEntry => ({
  code: over.id.split('/').pop()!,
  http_status: 400,
  message: 'Bad',
  meaning: { en: 'Bad.', zh: '不好。' },
  added: null,
  history: [],
  message_variants: [],
  ...over,
});

describe('buildChangelog', () => {
  it('groups by release (newest first) and vendor, and says what each value changed into', () => {
    const log = buildChangelog([
      entry({ id: 'b/1', vendor: 'b', added: '2026-12-07' }),
      entry({
        id: 'a/X',
        vendor: 'a',
        http_status: 500,
        history: [
          { field: 'http_status', value: 422, until: '2025-06-01', recorded: '2026-01-01' },
          { field: 'http_status', value: 400, until: '2026-01-08', recorded: '2026-12-07' },
        ],
        message_variants: [{ message: 'bad!', recorded: '2026-12-07' }],
      }),
      entry({ id: 'a/Y', vendor: 'a' }),
    ]);
    expect(log.releases.map((r) => r.date)).toEqual(['2026-12-07', '2026-01-01']);
    const [latest, earlier] = log.releases;
    expect(latest!.vendors.map((v) => v.vendor)).toEqual(['a', 'b']);
    expect(latest!.vendors[0]!.status_changed).toEqual([{ id: 'a/X', from: 400, to: 500, until: '2026-01-08' }]);
    expect(latest!.vendors[0]!.messages_seen).toEqual([{ id: 'a/X', message: 'bad!' }]);
    expect(latest!.vendors[1]!.added).toEqual(['b/1']);
    // The older change led to the value the newer item records, not to today's.
    expect(earlier!.vendors[0]!.status_changed).toEqual([{ id: 'a/X', from: 422, to: 400, until: '2025-06-01' }]);
  });

  it('is empty for data without history', () => {
    expect(buildChangelog([entry({ id: 'a/1', vendor: 'a' })])).toEqual({ releases: [] });
  });
});

describe('the real changelog', () => {
  it('records the AILabTools release: 48 status changes of 2026-01-08 and the two codes added', () => {
    const log = buildChangelog(realIndex().entries);
    const ailab = log.releases.flatMap((r) => r.vendors.filter((v) => v.vendor === 'ailabtools'));
    expect(ailab.flatMap((v) => v.status_changed)).toHaveLength(48);
    expect(ailab.flatMap((v) => v.status_changed).find((c) => c.id === 'ailabtools/UNSUPPORTED_PARAMETER_VALUES')).toEqual({
      id: 'ailabtools/UNSUPPORTED_PARAMETER_VALUES',
      from: 422,
      to: 400,
      until: '2026-01-08',
    });
    expect(ailab.flatMap((v) => v.added).sort()).toEqual(['ailabtools/ERROR_FACE_COUNT_INVALID', 'ailabtools/ERROR_POSE_NOT_ENOUGH_KEYPOINTS']);
    // Every change in the changelog is an entry of the index.
    const ids = new Set(realIndex().entries.map((e) => e.id));
    const all = log.releases.flatMap((r) => r.vendors.flatMap((v) => [...v.added, ...v.status_changed.map((c) => c.id), ...v.messages_seen.map((m) => m.id)]));
    expect(all.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('the release of 2026-12-07 adds Baidu 14 and the SDK codes, and lists the messages seen per vendor', () => {
    const release = buildChangelog(realIndex().entries).releases.find((r) => r.date === '2026-12-07');
    const of = (vendor: string) => release?.vendors.find((v) => v.vendor === vendor);
    const sdk = ['100', '101', '102', '103', '104', '105', '106', '107', '108', '109', '110', '111', '112'].map((n) => `baidu-face/sdk/SDK${n}`);
    expect(of('baidu-face')?.added.sort()).toEqual(['baidu-face/14', ...sdk].sort());
    expect(of('baidu-face')?.messages_seen).toEqual([
      { id: 'baidu-face/222001', message: 'param[image] is null' },
      { id: 'baidu-face/222204', message: 'image download fail' },
      { id: 'baidu-face/223105', message: 'face already exist' },
      { id: 'baidu-face/sdk/SDK108', message: 'connection or read data timeout' },
    ]);
    expect(of('g42-image')?.added).toEqual([]);
    expect(of('g42-image')?.messages_seen.map((m) => m.id)).toEqual([
      'g42-image/APIG.0301',
      'g42-image/APIG.0301',
      'g42-image/APIG.0308',
      'g42-image/ModelArts.4204',
      'g42-image/ModelArts.4603',
      'g42-image/ModelArts.4704',
    ]);
    expect(of('g42-image')?.messages_seen).toContainEqual({ id: 'g42-image/ModelArts.4603', message: 'Obtaining the file from the URL failed.' });
  });
});
