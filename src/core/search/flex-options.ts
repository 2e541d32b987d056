/** FlexSearch options of the text shards: the same when building and when importing. */
export const FLEX_OPTIONS = {
  tokenize: 'strict',
  resolution: 3,
  // Tokens are made by our own tokenizer; FlexSearch must keep them exactly.
  encode: (text: string) => text.split(' '),
} as const;
