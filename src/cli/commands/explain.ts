/** `explain [file]` (else stdin) `[--status n] [--vendor …]`: what a response body means. */
import { closeSync, openSync, readSync } from 'node:fs';
import { explain as explainBody, EXPLAIN_LIMITS } from '../../core/explain.ts';
import { UsageError } from '../args.ts';
import { printJson, vendorArg, type CommandContext } from './context.ts';

/** Beyond this explain() reads nothing anyway: reading stops there, and the input stays recognisably too large. */
const READ_CAP_BYTES = EXPLAIN_LIMITS.maxBodyChars * 2;

/** A file argument, read with the same cap as stdin (`explain /dev/zero` must end). */
function readFileCapped(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    while (size <= READ_CAP_BYTES) {
      const chunk = Buffer.allocUnsafe(1024 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      size += n;
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > READ_CAP_BYTES) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function explain(c: CommandContext): Promise<number> {
  const { l, p, operands } = c;
  const status = c.checked.status;
  const vendor = vendorArg(c, c.values.vendor);
  let body: string;
  try {
    body = operands[0] === undefined || operands[0] === '-' ? await readStdin() : readFileCapped(operands[0]);
  } catch (error) {
    throw new UsageError(`cannot read ${operands[0]}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = explainBody(body, { ...(status !== undefined ? { httpStatus: status } : {}), ...(vendor ? { vendor } : {}) }, l);
  if (c.json) printJson(result);
  else {
    p.explanation(result);
    process.stdout.write(p.toString());
  }
  return result.entry || result.outcome === 'success' || result.outcome === 'pending' ? 0 : 1;
}
