/**
 * DMN TCK conformance: TCK decision-table models transcribed into Charter's Markdown grammar
 * (`conformance/tck/<tck-folder>.md`) with the TCK's expected results
 * (`conformance/tck/<tck-folder>.cases.json`). See `conformance/README.md`.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type Charter, compileCharter, parsePolicy } from '../src/policy/index.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const tckDir = join(repoRoot, 'conformance', 'tck');
const run = promisify(execFile);

interface TckCase {
  readonly id: string;
  readonly decision: string;
  readonly facts: Readonly<Record<string, unknown>>;
  readonly expected: unknown;
  readonly expectError?: boolean;
}

interface TckModel {
  /** The TCK folder name, e.g. `0004-simpletable-U`. */
  readonly name: string;
  readonly file: string;
  readonly source: string;
  readonly cases: readonly TckCase[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toCase(value: unknown, where: string): TckCase {
  if (!isRecord(value)) throw new Error(`${where}: a case must be an object`);
  const { id, decision, facts, expected, expectError } = value;
  if (typeof id !== 'string' || typeof decision !== 'string' || !isRecord(facts) || !('expected' in value)) {
    throw new Error(`${where}: a case needs string "id" and "decision", object "facts" and "expected"`);
  }
  if (expectError !== undefined && typeof expectError !== 'boolean') {
    throw new Error(`${where}: "expectError" must be a boolean`);
  }
  return expectError === undefined
    ? { id, decision, facts, expected }
    : { id, decision, facts, expected, expectError };
}

function loadModels(): TckModel[] {
  return readdirSync(tckDir)
    .filter((entry) => entry.endsWith('.md'))
    .sort()
    .map((entry) => {
      const name = entry.slice(0, -'.md'.length);
      const casesFile = join(tckDir, `${name}.cases.json`);
      const parsed: unknown = JSON.parse(readFileSync(casesFile, 'utf8'));
      if (!isRecord(parsed) || typeof parsed.source !== 'string' || !Array.isArray(parsed.cases)) {
        throw new Error(`${casesFile}: expected { source, cases: [...] }`);
      }
      const cases = parsed.cases.map((c: unknown, i: number) => toCase(c, `${casesFile} case #${i + 1}`));
      return { name, file: join(tckDir, entry), source: parsed.source, cases };
    });
}

/** Replaces every non-integer number with a 1e-9 tolerance matcher, so decimals compare by closeness. */
function tolerant(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : expect.closeTo(value, 9);
  if (Array.isArray(value)) return value.map(tolerant);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tolerant(v)]));
  return value;
}

function describeProblems(
  problems: readonly { code: string; message: string; position: { line: number } }[],
) {
  return problems.map((p) => `  line ${p.position.line} [${p.code}] ${p.message}`).join('\n');
}

const charters = new Map<string, Charter>();

/** Parses and compiles a model once; throws with the problems listed if either step fails. */
function charterFor(model: TckModel): Charter {
  const cached = charters.get(model.file);
  if (cached) return cached;
  const parsed = parsePolicy(readFileSync(model.file, 'utf8'), model.file);
  if (!parsed.ok) throw new Error(`${model.name}: parsePolicy failed\n${describeProblems(parsed.problems)}`);
  const compiled = compileCharter([parsed.value]);
  if (!compiled.ok)
    throw new Error(`${model.name}: compileCharter failed\n${describeProblems(compiled.problems)}`);
  charters.set(model.file, compiled.value);
  return compiled.value;
}

const models = loadModels();

describe('DMN TCK conformance', () => {
  it('has at least 15 transcribed models, each with cases', () => {
    expect(models.length).toBeGreaterThanOrEqual(15);
    for (const model of models) expect(model.cases.length, model.name).toBeGreaterThan(0);
  });

  describe.each(models)('$name', (model) => {
    it('parses and compiles', () => {
      const parsed = parsePolicy(readFileSync(model.file, 'utf8'), model.file);
      expect(parsed.ok, describeProblems(parsed.problems)).toBe(true);
      if (!parsed.ok) return;
      const compiled = compileCharter([parsed.value]);
      expect(compiled.ok, describeProblems(compiled.problems)).toBe(true);
    });

    it.each(model.cases)('case $id: $decision', (tckCase) => {
      const evaluation = charterFor(model).evaluate(tckCase.decision, tckCase.facts);
      const context = `${model.source} case ${tckCase.id} (${tckCase.decision})`;
      if (tckCase.expectError) {
        expect(evaluation.error, context).toBeDefined();
        expect(evaluation.value, context).toBeNull();
        return;
      }
      expect(evaluation.value, `${context}; error: ${JSON.stringify(evaluation.error)}`).toEqual(
        tolerant(tckCase.expected),
      );
    });
  });
});

describe('DMN TCK conformance through the command line', () => {
  const picks: readonly { model: string; id: string; decision: string }[] = [
    { model: '0004-simpletable-U', id: '001', decision: 'Approval Status' },
    { model: '0119-multi-collect-hitpolicy', id: '001', decision: 'Approval Status' },
    { model: '0017-tableTests', id: '001', decision: 'dateCompare1' },
  ];

  it('charter decide prints the same values as the engine', async () => {
    for (const pick of picks) {
      const model = models.find((m) => m.name === pick.model);
      const tckCase = model?.cases.find((c) => c.id === pick.id && c.decision === pick.decision);
      if (!model || !tckCase) throw new Error(`no TCK case ${pick.model} ${pick.id} ${pick.decision}`);
      const args = [
        join(repoRoot, 'bin', 'charter.js'),
        'decide',
        model.file,
        '--decision',
        tckCase.decision,
        '--facts',
        JSON.stringify(tckCase.facts),
      ];
      const { stdout } = await run(process.execPath, args, { cwd: repoRoot });
      const printed: unknown = JSON.parse(stdout);
      if (!isRecord(printed)) throw new Error(`charter decide printed no JSON object: ${stdout}`);
      expect(printed.value, `${model.name} case ${tckCase.id}`).toEqual(tolerant(tckCase.expected));
      expect(Array.isArray(printed.matched), 'matched is a list').toBe(true);
      expect(Array.isArray(printed.warnings), 'warnings is a list').toBe(true);
    }
  });
});
