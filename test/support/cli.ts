import { main } from '../../server/src/cli';

/** Runs the command line in-process: its exit code and what it wrote to stdout and stderr. */
export function runCli(...args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  if (typeof code !== 'number') throw new Error(`${args[0]} runs asynchronously: use runCliAsync`);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The same for the commands that stream (decode): awaits the exit code. */
export async function runCliAsync(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
