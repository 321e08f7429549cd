import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalyzedDocument } from '../server/src/service';
import { languageForFile } from '../server/src/service/fileLanguage';

/**
 * Precision and recall of status-code recognition against hand labels:
 *
 *   node out/scripts/recall-eval.js LABELS.tsv FOLDER
 *
 * LABELS.tsv has a header and the columns file (relative to FOLDER), line, column (both 1-based,
 * the first digit), number, label, why. `code` is a status code as used there, `not` is a number
 * that is no status code (a port, a timer, CSeq ...); any other label (prose in comments, names
 * that contain a code) counts neither way and is only reported. A claim is a status occurrence on a
 * number written in the file. Each file gets the language id `sipsense check` gives it.
 */

interface Label {
  file: string;
  line: number;
  column: number;
  number: string;
  label: string;
  why: string;
}

function readLabels(path: string): Label[] {
  const [header, ...rows] = readFileSync(path, 'utf8').split('\n').filter((row) => row.trim() !== '');
  if (!header.startsWith('file\tline\tcolumn\tnumber\tlabel')) throw new Error(`${path}: not a labels file (file, line, column, number, label, why)`);
  return rows.map((row) => {
    const [file, line, column, number, label, why = ''] = row.split('\t');
    return { file, line: Number(line), column: Number(column), number, label, why };
  });
}

function languageOf(file: string, text: string): string {
  return languageForFile(file, text.slice(0, 1024).split(/\r?\n|\r/, 1)[0]);
}

/** The numbers of a file that the service calls status codes, as "line:column" (1-based). */
function claimsOf(folder: string, file: string): Map<string, string> {
  const text = readFileSync(join(folder, file), 'utf8');
  const lines = text.split(/\r\n|\r|\n/);
  const document = AnalyzedDocument.create(`file:///${file}`, languageOf(file, text), 1, text);
  document.scanAll();
  const claims = new Map<string, string>();
  for (const o of document.occurrences) {
    if (o.kind !== 'status' || lines[o.line]?.slice(o.span.start, o.span.end) !== o.digits) continue;
    claims.set(`${o.line + 1}:${o.span.start + 1}`, `${o.context}${o.quiet ? ' (quiet)' : ''}`);
  }
  return claims;
}

function main(args: readonly string[]): number {
  if (args.length !== 2) {
    process.stderr.write('usage: node out/scripts/recall-eval.js LABELS.tsv FOLDER\n');
    return 2;
  }
  const [labelsPath, folder] = args;
  const labels = readLabels(labelsPath);
  const byFile = new Map<string, Label[]>();
  for (const label of labels) byFile.set(label.file, [...(byFile.get(label.file) ?? []), label]);
  const misses: Label[] = [];
  const falseClaims: (Label & { context: string })[] = [];
  const neutralClaims = new Map<string, number>();
  const unlabelled: string[] = [];
  let truePositives = 0;
  for (const [file, fileLabels] of byFile) {
    const claims = claimsOf(folder, file);
    for (const label of fileLabels) {
      const key = `${label.line}:${label.column}`;
      const context = claims.get(key);
      claims.delete(key);
      if (label.label === 'code') {
        if (context) truePositives++;
        else misses.push(label);
      } else if (label.label === 'not') {
        if (context) falseClaims.push({ ...label, context });
      } else if (context) {
        neutralClaims.set(label.label, (neutralClaims.get(label.label) ?? 0) + 1);
      }
    }
    for (const [key, context] of claims) unlabelled.push(`${file}:${key} ${context}`);
  }
  const codes = labels.filter((label) => label.label === 'code').length;
  const claimed = truePositives + falseClaims.length;
  const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);
  const out: string[] = [
    `files ${byFile.size}, numbers ${labels.length}: ${codes} codes, ${labels.filter((l) => l.label === 'not').length} not codes, ${labels.length - codes - labels.filter((l) => l.label === 'not').length} neutral`,
    `precision ${percent(truePositives, claimed)} (${truePositives} of ${claimed} claims right)`,
    `recall ${percent(truePositives, codes)} (${truePositives} of ${codes} codes found)`,
  ];
  for (const [label, count] of neutralClaims) out.push(`claimed on neutral numbers (${label}): ${count}`);
  const grouped = (title: string, items: readonly Label[]) => {
    const groups = new Map<string, Label[]>();
    for (const item of items) groups.set(item.why, [...(groups.get(item.why) ?? []), item]);
    out.push(`${title}: ${items.length}`);
    for (const [why, group] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      out.push(`  ${why}: ${group.length}`);
      for (const item of group) out.push(`    ${item.file}:${item.line}:${item.column} ${item.number}`);
    }
  };
  grouped('misses', misses);
  grouped('false claims', falseClaims);
  out.push(`claims on numbers with no label: ${unlabelled.length}`, ...unlabelled.map((claim) => `  ${claim}`));
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
