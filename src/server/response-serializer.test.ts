import fastJson from 'fast-json-stringify';
import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openStore } from '../store/index.ts';
import { answerJsonSchema, responseSerializer } from './response-serializer.ts';
import { ROUTES } from './routes/index.ts';

const answer = z.object({
  id: z.string(),
  amount: z.number().int().nullable(),
  note: z.string().optional(),
  facts: z.record(z.string(), z.unknown()),
  items: z.array(z.object({ name: z.string(), tags: z.array(z.string()) })),
});

const writerFor = (schema: z.ZodType, check: boolean) =>
  responseSerializer({ check })({ schema, method: 'GET', url: '/x', httpStatus: '200' });

const value = {
  id: 'a',
  amount: null,
  facts: { 'Days since delivery': 12, nested: { ok: true } },
  items: [{ name: 'pan', tags: ['cookware'], secret: 'no' }],
  password_hash: 'never written',
};

describe('the answer writer', () => {
  it('writes the declared properties only, the same JSON value as the schema gives', () => {
    for (const check of [false, true]) {
      const text = writerFor(answer, check)(value);
      expect(JSON.parse(text)).toEqual(answer.parse(value));
      expect(text).not.toContain('never written');
      expect(text).not.toContain('secret');
    }
  });

  it('with checks on, refuses an answer its schema refuses', () => {
    const wrong = { ...value, amount: 'twelve' };
    expect(() => writerFor(answer, true)(wrong)).toThrow(/Response doesn't match the schema/);
    // The fast writer alone does not validate: it coerces, which is why the tests check.
    expect(() => writerFor(answer, false)(wrong)).not.toThrow(/match/);
  });

  it('with checks on, refuses a writer that would write other than the schema', () => {
    // A transform is applied by zod but cannot be told to the compiled writer.
    const shouted = z.object({ id: z.string(), state: z.string().transform((s) => s.toUpperCase()) });
    expect(writerFor(shouted, false)({ id: 'a', state: 'open' })).toBe('{"id":"a","state":"open"}');
    expect(() => writerFor(shouted, true)({ id: 'a', state: 'open' })).toThrow(/disagree/);
  });
});

/** Paths inside a JSON Schema to nodes with OpenAPI's `nullable` but no `type` beside it. */
function nullableWithoutType(node: unknown, path = '#'): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const n = node as Record<string, unknown>;
  const here = n.nullable === true && n.type === undefined ? [path] : [];
  return here.concat(...Object.entries(n).map(([k, v]) => nullableWithoutType(v, `${path}/${k}`)));
}

describe('every route', () => {
  it('has an answer schema for each status that compiles to a writer', async () => {
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(responseSerializer({ check: false }));
    const answers: { route: string; status: string; schema: z.ZodType }[] = [];
    app.addHook('onRoute', (route) => {
      const response = (route.schema?.response ?? {}) as Record<string, z.ZodType>;
      for (const [status, schema] of Object.entries(response))
        answers.push({ route: `${route.method} ${route.url}`, status, schema });
    });
    const store = await openStore({ filename: ':memory:' });
    try {
      for (const route of ROUTES) route(app, { store, now: Date.now });
      await app.ready();
    } finally {
      await store.close();
    }
    expect(answers.length).toBeGreaterThan(50);
    for (const a of answers) {
      const json = answerJsonSchema(a.schema);
      expect(() => fastJson(json), `${a.route} ${a.status}`).not.toThrow();
      // The validator that picks a union's branch, compiled at the first answer, refuses these.
      expect(nullableWithoutType(json), `${a.route} ${a.status}`).toEqual([]);
    }
  });
});
