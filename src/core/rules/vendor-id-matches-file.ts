import type { Rule } from './types.ts';

function fileStem(path: string): string {
  const name = path.split('/').pop() ?? path;
  return name.replace(/\.ya?ml$/, '');
}

export const vendorIdMatchesFile: Rule = {
  name: 'vendor-id-matches-file',
  description: 'A vendor file is named after its vendor id: data/vendors/<id>.yaml.',
  scope: 'vendor',
  check({ vendor: { parsed, data } }, report) {
    const stem = fileStem(parsed.file);
    if (stem !== data.vendor.id) report(['vendor', 'id'], `vendor id "${data.vendor.id}" must match the file name "${stem}.yaml" (rename one of them)`);
  },
};
