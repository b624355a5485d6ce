/**
 * @module cli/demo-command
 * `charter demo` (what `npm start` runs until the server lands): lints the demo charter and walks a
 * few refund requests through it, showing the rule that decided each.
 */
import { fileURLToPath } from 'node:url';
import { compileCharter } from '../policy/compile/charter.ts';
import { lintSources } from '../policy/lint/index.ts';
import type { PolicyDocument } from '../policy/model.ts';
import { parsePolicy } from '../policy/parse/index.ts';
import type { Io } from './lint-command.ts';
import { loadSources } from './load.ts';

export const DEMO_CHARTER = fileURLToPath(new URL('../../examples/charter', import.meta.url));

export function demoCommand(io: Io): number {
  const sources = loadSources([DEMO_CHARTER]);
  const today = new Date().toISOString().slice(0, 10);
  const problems = lintSources(sources, { today });
  io.out(`Charter demo — ${sources.length} policies in ${DEMO_CHARTER}`);
  io.out(problems.length ? `${problems.length} lint problems:` : 'Lint: clean');
  for (const p of problems) io.out(`  ${p.file}:${p.position.line}:${p.position.column} ${p.message}`);
  const docs: PolicyDocument[] = [];
  for (const s of sources) {
    const r = parsePolicy(s.text, s.file);
    if (r.ok) docs.push(r.value);
  }
  const c = compileCharter(docs);
  if (!c.ok) return 1;
  const charter = c.value;
  io.out(`Decisions: ${[...charter.decisions.keys()].join(', ')}`);
  const requests = [
    {
      'Days since delivery': 12,
      'Item condition': 'unopened',
      'Product category': 'cookware',
      'Customer tier': 'standard',
      'Lifetime value': 80,
    },
    {
      'Days since delivery': 45,
      'Item condition': 'opened',
      'Product category': 'textiles',
      'Customer tier': 'gold',
      'Lifetime value': 2400,
    },
    {
      'Days since delivery': 200,
      'Item condition': 'faulty',
      'Product category': 'small appliances',
      'Customer tier': 'silver',
      'Lifetime value': 300,
    },
  ];
  for (const facts of requests) {
    const e = charter.evaluate('Refund', facts);
    const why = e.matched
      .filter((m) => m.decision === 'Refund')
      .map((m) => `rule ${m.rule}: ${m.annotations.join('; ')}`);
    io.out(
      `\nRefund for ${JSON.stringify(facts)}\n  → ${JSON.stringify(e.value)}  (${why.join(', ') || 'no rule'})`,
    );
  }
  io.out(
    '\nTry: npx charter decide examples/charter --decision Refund --facts \'{"Days since delivery": 20}\'',
  );
  return 0;
}
