/**
 * The one global src/core uses beyond ECMAScript: TextDecoder, which every browser, Node, Deno and
 * Bun provide. For the library build only (tsconfig.lib.json compiles with no DOM or Node types, so
 * using anything else fails the build); the site's tsconfig has the DOM's own declaration.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
