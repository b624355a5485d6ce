/**
 * @module server/routes/decisions/decision-catalogue
 * GET /api/decisions/catalogue: the decisions the charter in force offers the desk — name, the
 * policy and section they live in, the facts they need (and where each comes from), outputs and
 * rules in the policy's own words.
 */
import { type CatalogueEntry, decisionCatalogue } from '../../../decisions/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF } from '../../context.ts';
import { catalogueResponse } from './decision-catalogue.schema.ts';
import { decisionContext } from './decision-context.ts';

function entryView(e: CatalogueEntry) {
  return {
    decision: e.decision,
    policy: { ...e.policy },
    section: e.section,
    kind: e.kind,
    hit_policy: e.hitPolicy,
    outputs: e.outputs.map((o) => ({ ...o })),
    facts: e.facts.map((f) => ({ ...f })),
    requires: [...e.requires],
    grants: e.grants,
    rules: e.rules.map((r) => ({
      number: r.number,
      inputs: r.inputs.map((w) => ({ ...w })),
      outputs: r.outputs.map((t) => ({ ...t })),
      annotations: [...r.annotations],
    })),
    expression: e.expression,
  };
}

export const decisionCatalogueRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/decisions/catalogue',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['decisions'],
        summary: 'Decisions the charter offers',
        response: { 200: catalogueResponse },
      },
    },
    async (request) => ({
      items: (await decisionCatalogue(decisionContext(deps, request))).map(entryView),
    }),
  );
};
