/**
 * @module server/response-serializer
 * Writes answers. Every route declares its answer as a zod schema (for the types and OpenAPI);
 * checking each answer against it with zod and then calling JSON.stringify cost a decision's
 * answer ~60 µs, an eighth of the request. Here each schema is turned once into JSON Schema and
 * compiled with fast-json-stringify (Fastify's own serializer): it writes only the declared
 * properties, in order, so nothing unlisted ever leaks, at a fraction of the cost.
 *
 * fast-json-stringify does not validate (a wrong type is coerced, not refused). So with `check`
 * on — the test suites turn it on — each answer is also parsed by its zod schema, and the written
 * text must read back as exactly zod's result: every test that reads an answer also proves the fast
 * path writes what the schema says.
 */

import { isDeepStrictEqual } from 'node:util';
import fastJson, { type Schema } from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';

type Node = { [key: string]: unknown };

/**
 * OpenAPI 3.0's `nullable` is written natively by fast-json-stringify next to a `type`; beside a
 * union (no `type`) the validator it picks branches with refuses it, so there null becomes a branch.
 */
function nullAsBranch(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) nullAsBranch(n);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const n = node as Node;
  for (const v of Object.values(n)) nullAsBranch(v);
  if (n.nullable === true && n.type === undefined) {
    delete n.nullable;
    if (Array.isArray(n.anyOf)) n.anyOf.push({ type: 'null' });
    else if (Array.isArray(n.oneOf)) n.oneOf.push({ type: 'null' });
  }
}

/** The JSON Schema fast-json-stringify compiles from a route's zod schema. */
export function answerJsonSchema(schema: ZodType): Schema {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'output', unrepresentable: 'any' });
  nullAsBranch(json);
  return json as Schema;
}

/** @example app.setSerializerCompiler(responseSerializer({ check: false })); */
export function responseSerializer(options: { readonly check: boolean }): FastifySerializerCompiler<ZodType> {
  return ({ schema: zodSchema, method, url }) => {
    const write = fastJson(answerJsonSchema(zodSchema));
    if (!options.check) return write;
    return (data: unknown) => {
      const parsed = zodSchema.safeParse(data);
      if (!parsed.success) throw new ResponseSerializationError(method, url, { cause: parsed.error });
      const text = write(data);
      // The same JSON value: fast-json-stringify writes required properties before optional ones,
      // so the order of keys may differ, and nothing else may.
      if (!isDeepStrictEqual(JSON.parse(text), JSON.parse(JSON.stringify(parsed.data)))) {
        throw new Error(
          `${method} ${url}: the answer's writer and its schema disagree: ${text.slice(0, 2000)} against ${JSON.stringify(parsed.data).slice(0, 2000)}`,
        );
      }
      return text;
    };
  };
}
