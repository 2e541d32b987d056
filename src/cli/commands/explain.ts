/** `explain [file]` (else stdin) `[--status n] [--vendor …]`: what a response body means. */
import { closeSync, openSync, readSync } from 'node:fs';
import { explain as explainBody, EXPLAIN_LIMITS, type ExplainResult } from '../../core/explain.ts';
import { nextStep } from '../../core/next-step.ts';
import { UsageError } from '../args.ts';
import { printJson, vendorArg, type CommandContext } from './context.ts';

/** Beyond this explain() reads nothing anyway: reading stops there, and the input stays recognisably too large. */
const READ_CAP_BYTES = EXPLAIN_LIMITS.maxBodyChars * 2;

/** An argument that is a pasted text, not a file name: braces, quotes, angle brackets or spaces in it. */
const TEXT_NOT_PATH = /[{}[\]"'<>\s]/;

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

/** Standard input, up to the same cap. */
export async function readStdin(): Promise<string> {
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
  const { l, operands } = c;
  const status = c.checked.status;
  const vendor = vendorArg(c, c.values.vendor);
  let body: string;
  try {
    body = operands[0] === undefined || operands[0] === '-' ? await readStdin() : readFileCapped(operands[0]);
  } catch (error) {
    const given = operands[0]!;
    // A body typed where the file goes (`explain '{"error_code": 18}'`): say how a text is given.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && TEXT_NOT_PATH.test(given)) {
      const shown = given.length > 60 ? `${given.slice(0, 57)}…` : given;
      throw new UsageError(`no file named ${shown}: explain reads a file or standard input. To explain a text, pipe it (echo '…' | vision-errors explain) or give it without "explain" (vision-errors '…')`);
    }
    throw new UsageError(`cannot read ${given}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = explainBody(body, { ...(status !== undefined ? { httpStatus: status } : {}), ...(vendor ? { vendor } : {}) }, l);
  return printExplanation(c, result);
}

/** An explanation with its next step (--json: the result with `nextStep`); exit 0 when it decided something. */
export function printExplanation(c: CommandContext, result: ExplainResult, extra: Record<string, unknown> = {}): number {
  // The step after a first call that ended so; the jitter at its top, so the output is the same on every run
  // (the text shows the delay as its range).
  const step = nextStep(result, { attempt: 1, random: () => 1 });
  if (c.json) printJson({ ...extra, ...result, nextStep: step });
  else {
    c.p.explanation(result, step);
    process.stdout.write(c.p.toString());
  }
  return result.entry || result.outcome === 'success' || result.outcome === 'pending' ? 0 : 1;
}
