/**
 * openapi.json: an OpenAPI 3.1 description of the static API under /api/v1/. Every file the
 * artifact writes matches one of its paths; the bodies are described by $refs into schema.json, so
 * the JSON Schema stays the one description of the data. The $refs are relative (`schema.json#/…`,
 * the file beside this one): a validator resolves them offline, from a download or a checkout, as
 * well as on the site.
 */
import type { ArtifactVendor } from './artifact-types.ts';
import { CSV_COLUMNS } from './artifact-tables.ts';

export function openApiDocument(site: string, apiRoot: string, artifactVersion: string, vendors: readonly Pick<ArtifactVendor, 'id'>[]): Record<string, unknown> {
  const schema = (def?: string) => ({ $ref: `schema.json${def ? `#/$defs/${def}` : ''}` });
  const vendorIds = vendors.map((v) => v.id);
  const vendorParam = {
    name: 'vendor',
    in: 'path',
    required: true,
    description: 'A vendor id.',
    schema: { type: 'string', enum: vendorIds },
  };
  const codeParam = (name: string, description: string) => ({
    name,
    in: 'path',
    required: true,
    description: `${description} Percent-encoded as one path segment, as in each entry's api_url.`,
    schema: { type: 'string' },
  });
  const json = (description: string, body: Record<string, unknown>) => ({
    description,
    content: { 'application/json': { schema: body } },
  });
  const get = (operationId: string, summary: string, ok: Record<string, unknown>, parameters?: unknown[]) => ({
    get: {
      operationId,
      summary,
      ...(parameters ? { parameters } : {}),
      responses: { '200': ok, ...(parameters ? { '404': { description: 'No such vendor or entry.' } } : {}) },
    },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Vision API error codes',
      version: artifactVersion,
      summary: 'Error codes, HTTP statuses and task states of AI vision APIs, as static JSON files.',
      description:
        'Static files: GET only, no authentication, same data in, byte-identical files out. v1 only gains fields; removing or renaming one means /api/v2/. ' +
        "An entry's `url` is stable and may serve as the `type` of an RFC 9457 problem details response.",
      license: { name: 'MIT (our text); vendor messages are quoted from their documentation', identifier: 'MIT' },
    },
    servers: [{ url: `${site}${apiRoot.replace(/\/$/, '')}` }],
    paths: {
      '/index.json': get('getIndex', 'Every category, vendor and entry.', json('The whole knowledge base.', schema())),
      '/categories.json': get('getCategories', 'The cross-vendor categories.', json('The taxonomy.', schema('categories_file'))),
      '/changelog.json': get('getChangelog', 'What changed in the data, per release and vendor.', json('The changelog, newest release first.', schema('changelog_file'))),
      '/{vendor}.json': get('getVendor', 'One vendor, its categories and entries.', json('The vendor file.', schema('vendor_file')), [vendorParam]),
      '/{vendor}/{code}.json': get('getErrorEntry', 'One error code of a vendor.', json('The entry.', schema('entry_file')), [
        vendorParam,
        codeParam('code', 'The code exactly as the API returns it.'),
      ]),
      '/{vendor}/http/{status}.json': get('getHttpStatusEntry', "A vendor's own meaning of an HTTP status.", json('The entry.', schema('entry_file')), [
        vendorParam,
        { name: 'status', in: 'path', required: true, description: 'The HTTP status.', schema: { type: 'integer', minimum: 100, maximum: 599 } },
      ]),
      '/{vendor}/state/{value}.json': get('getTaskStateEntry', "A value of a vendor's async task state.", json('The entry.', schema('entry_file')), [
        vendorParam,
        codeParam('value', 'The state value exactly as the API returns it.'),
      ]),
      '/{vendor}/sdk/{code}.json': get('getSdkErrorEntry', "A code the vendor's official SDK returns on the client (since 1.3).", json('The entry.', schema('entry_file')), [
        vendorParam,
        codeParam('code', 'The code exactly as the SDK returns it.'),
      ]),
      '/entries.csv': get('getEntriesCsv', 'Every entry as a CSV row.', {
        description:
          `UTF-8 with a byte-order mark, CRLF line ends, a header row. Columns: ${CSV_COLUMNS.join(', ')}.`,
        content: { 'text/csv': { schema: { type: 'string' } } },
      }),
      '/entries.jsonl': get('getEntriesJsonl', 'Every entry as one line of JSON.', {
        description: 'One entry (as in index.json) per line, UTF-8. Each line is valid against x-line-schema.',
        // OpenAPI 3.1 has no schema for each line of a stream (3.2's itemSchema): an extension field says it.
        content: { 'application/jsonl': { schema: { type: 'string' }, 'x-line-schema': schema('entry') } },
      }),
      '/schema.json': get('getSchema', 'The JSON Schema (2020-12) of these files.', {
        description: 'JSON Schema of index.json; the other files under $defs.',
        content: { 'application/schema+json': { schema: { type: 'object' } } },
      }),
      '/openapi.json': get('getOpenApi', 'This document.', {
        description: 'OpenAPI 3.1.',
        content: { 'application/json': { schema: { type: 'object' } } },
      }),
    },
  };
}
