/**
 * Type-level test, run by `tsc -p tsconfig.typecheck.json` (part of npm test): the plain artifact
 * types the library publishes (src/core/artifact-types.ts, generated from schema.json) are exactly
 * the zod schemas' output types. A field added to one and not the other fails the type check.
 */
import type { z } from 'zod';
import type { artifactCategory, artifactEntry, artifactVendor, categoriesFileArtifact, entryFileArtifact, indexFile, vendorFileArtifact } from '../../src/core/artifact.ts';
import type * as Plain from '../../src/core/artifact-types.ts';
import type { EntryKind, Lang, TaskOutcome, VendorText } from '../../src/core/schema.ts';

/** True only when A and B are the same type (not merely assignable either way). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

assertType<Equal<Plain.ArtifactIndex, z.output<typeof indexFile>>>();
assertType<Equal<Plain.ArtifactVendorFile, z.output<typeof vendorFileArtifact>>>();
assertType<Equal<Plain.ArtifactEntryFile, z.output<typeof entryFileArtifact>>>();
assertType<Equal<Plain.ArtifactCategoriesFile, z.output<typeof categoriesFileArtifact>>>();
assertType<Equal<Plain.ArtifactEntry, z.output<typeof artifactEntry>>>();
assertType<Equal<Plain.ArtifactVendor, z.output<typeof artifactVendor>>>();
assertType<Equal<Plain.ArtifactCategory, z.output<typeof artifactCategory>>>();
assertType<Equal<Plain.EntryKind, EntryKind>>();
assertType<Equal<Plain.TaskOutcome, TaskOutcome>>();
assertType<Equal<Plain.VendorText, VendorText>>();
assertType<Equal<Plain.Lang, Lang>>();

// The check itself can fail: an entry with one more field is not the same type.
// @ts-expect-error Equal is false for a type with an extra field
assertType<Equal<Plain.ArtifactEntry & { extra: string }, z.output<typeof artifactEntry>>>();
// @ts-expect-error …and for an optional field that should be required
assertType<Equal<Partial<Plain.ArtifactEntry>, z.output<typeof artifactEntry>>>();
