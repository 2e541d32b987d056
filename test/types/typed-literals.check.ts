/**
 * Type-level test, run by `tsc -p tsconfig.typecheck.json` (part of npm test): a misspelt vendor or code
 * literal is a compile error in lookup, find and createLookup(...).lookup; a string or number from a
 * response still type-checks. (test/process/consumer.test.ts checks the same through the packed package.)
 */
import { createLookup, find, lookup, type ArtifactIndex, type CodeOf, type EntryId, type VendorId } from '../../src/core/index.ts';

declare const index: ArtifactIndex;
declare const response: { error_code: number; error_msg: string; vendor: string; code: string };
const kb = createLookup(index);

// Right literals.
kb.lookup('baidu-face', '222202');
kb.lookup('baidu-face', 222202);
kb.lookup('picwish', -8);
kb.lookup('picwish', '429', 'http-status');
lookup(kb, 'g42-image', 'ModelArts.4204');
find(index, 'picwish/state/-8');
find(kb, 'AIS.0014');
// Values known only at run time.
kb.lookup('baidu-face', response.error_code);
kb.lookup(response.vendor, response.code);
lookup(index, response.vendor, response.error_code);
find(kb, response.code);
// Misspelt literals.
// @ts-expect-error a misspelt vendor
kb.lookup('baidu-fcae', '222202');
// @ts-expect-error a misspelt code (letter O for zero)
kb.lookup('baidu-face', '2222O2');
// @ts-expect-error another vendor's code
lookup(index, 'picwish', '222202');
// @ts-expect-error a code of another kind than the one asked for
kb.lookup('picwish', '-8', 'http-status');
// @ts-expect-error a number that is no code of the vendor
kb.lookup('picwish', 999);
// @ts-expect-error a code no vendor has
find(index, 'ModelArts.42O4');
// @ts-expect-error even where the vendor is only known at run time, a code literal is checked against every vendor's codes
kb.lookup(response.vendor, '2222O2');

// The unions are the data's.
const vendor: VendorId = 'softsugar';
const code: CodeOf<'picwish', 'task-state'> = '-8';
const id: EntryId = 'picwish/state/-8';
// @ts-expect-error not a vendor id
const wrongVendor: VendorId = 'baidu';
// @ts-expect-error an HTTP status is not a PicWish task state
const wrongCode: CodeOf<'picwish', 'task-state'> = '429';
export { vendor, code, id, wrongVendor, wrongCode };
