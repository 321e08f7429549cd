// The grammar colours what the dialect hovers, and nothing else: every reply function, status
// check and code parameter of server/src/data/routingScripts.ts is tried in both, in each product,
// and so are the other product's names, which neither may take for code holders.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KAMAILIO_CODE_TABLES, OPENSIPS_CODE_TABLES } from '../../server/src/data/routingScripts';
import type { RoutingScriptCodeTables } from '../../server/src/data/types';
import { kamailioDialect } from '../../server/src/service/dialects/kamailio';
import { opensipsDialect } from '../../server/src/service/dialects/opensips';
import type { Dialect } from '../../server/src/service/scanner/dialect';
import { scanOneLine } from '../support/documents';
import { createRegistry, loadGrammar, scopesAt, statusClassOf, tokenizeText } from './grammarRegistry';

const PRODUCTS: Array<{ lang: 'kamailio' | 'opensips'; dialect: Dialect; tables: RoutingScriptCodeTables; other: RoutingScriptCodeTables }> = [
  { lang: 'kamailio', dialect: kamailioDialect, tables: KAMAILIO_CODE_TABLES, other: OPENSIPS_CODE_TABLES },
  { lang: 'opensips', dialect: opensipsDialect, tables: OPENSIPS_CODE_TABLES, other: KAMAILIO_CODE_TABLES },
];

const registry = createRegistry();

/** A script line that puts code 486 where `name` takes its code, and the column of that code. */
interface Probe {
  what: string;
  line: string;
  column: number;
}

function replyProbe(name: string, codeIndex: number, quoted: boolean): Probe {
  const before = ['"$ci"', '"$cs"', '"x"'].slice(0, codeIndex).map((a) => `${a}, `).join('');
  const head = `    ${name}(${before}${quoted ? '"' : ''}`;
  return { what: `${name} (${quoted ? 'quoted' : 'bare'} code)`, line: `${head}486${quoted ? '"' : ''}, "Busy Here");`, column: head.length };
}

function probes(tables: RoutingScriptCodeTables): Probe[] {
  const out: Probe[] = [];
  for (const [name, spec] of Object.entries(tables.replyFunctions)) {
    out.push(replyProbe(name, spec.code, true), replyProbe(name, spec.code, false));
  }
  for (const name of [...tables.statusPatternFunctions, ...tables.statusCheckFunctions]) {
    const head = `    if (${name}("`;
    out.push({ what: name, line: `${head}486")) { exit; }`, column: head.length });
  }
  for (const [key, spec] of Object.entries(tables.modparams)) {
    const [module, parameter] = key.split('/');
    const head = `modparam("${module}", "${parameter}", ${spec.kind === 'code' ? '' : '"'}`;
    const value = spec.kind === 'list' ? '486,408"' : spec.kind === 'regex' ? '486|408"' : '486';
    out.push({ what: `modparam ${key}`, line: `${head}${value})`, column: head.length });
  }
  return out;
}

for (const { lang, dialect, tables, other } of PRODUCTS) {
  test(`${lang}: the grammar colours every code the dialect hovers, in each place that takes one`, async () => {
    const grammar = await loadGrammar(registry, `source.${lang}`);
    for (const probe of probes(tables)) {
      const [tokens] = tokenizeText(grammar, probe.line);
      assert.equal(statusClassOf(scopesAt(tokens, probe.column)), '4xx', `${probe.what}: not coloured in ${probe.line}`);
      const found = scanOneLine(dialect, probe.line).filter((o) => o.span.start === probe.column && o.digits === '486');
      assert.equal(found.length, 1, `${probe.what}: not hovered in ${probe.line}`);
    }
  });

  test(`${lang}: the other product's code holders are neither coloured nor hovered`, async () => {
    const grammar = await loadGrammar(registry, `source.${lang}`);
    const own = new Set(probes(tables).map((p) => p.line));
    const foreign = probes(other).filter((p) => !own.has(p.line));
    assert.ok(foreign.length >= 5, 'the products differ in at least a few names');
    for (const probe of foreign) {
      const [tokens] = tokenizeText(grammar, probe.line);
      assert.equal(statusClassOf(scopesAt(tokens, probe.column)), undefined, `${probe.what}: coloured in ${probe.line}`);
      const found = scanOneLine(dialect, probe.line).filter((o) => o.span.start === probe.column);
      assert.deepEqual(found, [], `${probe.what}: hovered in ${probe.line}`);
    }
  });
}
