import { readFileSync } from 'node:fs';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/databases.ts';
import { ROLES, startTestServer, type TestServer } from '../../../../test/http.ts';
import type { Role } from '../../../store/index.ts';

const REFUNDS = readFileSync(new URL('../../../../examples/charter/refunds.md', import.meta.url), 'utf8');
const NOW = Date.parse('2026-11-23T10:00:00Z');
const TODAY = '2026-11-23';

/** Refunds with its front matter changed (`effective`, `version`), and text replaced. */
function refunds(changes: { effective?: string; replace?: readonly [string, string][] } = {}): string {
  let s = REFUNDS;
  if (changes.effective) s = s.replace(/^effective: .*$/m, `effective: ${changes.effective}`);
  for (const [a, b] of changes.replace ?? []) {
    if (!s.includes(a)) throw new Error(`test text not found: ${a}`);
    s = s.replace(a, b);
  }
  return s;
}

const HEADER = '| Days since delivery | Item condition | Product category |';
const MISSPELT = refunds({
  replace: [[HEADER, '| Days since delivry | Item condition | Product category |']],
});
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** A small new policy reading a fact from facts.md and a decision from refunds.md. */
function extras(reads = 'Customer tier', version = 1, effective = TODAY): string {
  return `---\npolicy: extras\ntitle: Extras\nversion: ${version}\neffective: ${effective}\naudience: staff\nreview: P6M\ndecisions: [Extra care]\n---\n\n# Extras\n\n## Decision: Extra care\nHit policy: FIRST\n\n| ${reads} | Loyalty exception | → Extra |\n|---|---|---|\n| "gold" | - | true |\n| - | true | true |\n| - | - | false |\n`;
}

interface Problem {
  errors?: { path: string; message: string }[];
  code: string;
}

describe.each(ENGINES)('policy routes on %s', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine);
  });
  afterAll(() => s.close());

  const as = async (role: Role, opts: InjectOptions, org: 'a' | 'b' = 'a') =>
    (await s.caller(role, org)).request(opts);

  async function audit(action: string, org: 'a' | 'b' = 'a') {
    return s.store.db
      .selectFrom('audit_log')
      .select(['entity_id', 'actor_id', 'data'])
      .where('org_id', '=', s.orgs[org].orgId)
      .where('action', '=', action)
      .orderBy('seq')
      .execute();
  }

  it('lists the library: versions, state, effective and review dates, acknowledgements', async () => {
    const r = await as('auditor', { method: 'GET', url: '/api/policies' });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.today).toBe(TODAY);
    expect(body.items).toHaveLength(11);
    const p = body.items.find((x: { policy_id: string }) => x.policy_id === 'refunds');
    expect(p).toMatchObject({
      title: 'Returns and refunds',
      audience: 'public',
      owner: 'Head of Customer Service',
      in_force_version: 3,
      latest_version: 3,
      draft_version: null,
      effective: '2026-09-01',
      review: 'P12M',
      review_due: '2027-09-01',
      review_overdue: false,
      acknowledgements: { version: 3, acknowledged: 0, staff: 4, by_me: false },
    });
    expect(p.versions).toHaveLength(1);
    expect(p.versions[0]).toMatchObject({ version: 3, state: 'published', in_force: true });
    expect(p.versions[0].source_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('flags a review date that has passed', async () => {
    s.clock.now = Date.parse('2027-09-02T10:00:00Z');
    try {
      const r = await as('manager', { method: 'GET', url: '/api/policies' });
      const items = r.json().items as { policy_id: string; review_overdue: boolean; review_due: string }[];
      expect(items.find((x) => x.policy_id === 'refunds')).toMatchObject({
        review_overdue: true,
        review_due: '2027-09-01',
      });
      // standards: effective 2026-07-01 + P6M
      expect(items.find((x) => x.policy_id === 'standards')).toMatchObject({
        review_overdue: true,
        review_due: '2027-01-01',
      });
    } finally {
      s.clock.now = NOW;
    }
  });

  it('gives a version with its source; 404 for a missing one, 400 with the field path for a bad one', async () => {
    const r = await as('agent', { method: 'GET', url: '/api/policies/refunds/versions/3' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().source).toBe(REFUNDS);
    expect(r.json()).toMatchObject({
      version: 3,
      state: 'published',
      in_force: true,
      review_due: '2027-09-01',
    });
    expect((await as('agent', { method: 'GET', url: '/api/policies/refunds/versions/9' })).statusCode).toBe(
      404,
    );
    expect((await as('agent', { method: 'GET', url: '/api/policies/nope/versions/1' })).statusCode).toBe(404);
    const bad = await as('agent', { method: 'GET', url: '/api/policies/refunds/versions/abc' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as Problem).errors?.[0]?.path).toBe('params.version');
    const badId = await as('agent', { method: 'GET', url: '/api/policies/Not%20an%20id/versions/1' });
    expect(badId.statusCode).toBe(400);
    expect((badId.json() as Problem).errors?.[0]?.path).toBe('params.policyId');
  });

  it('records acknowledgements once per person, audited, counted against the version in force', async () => {
    const first = await as('agent', {
      method: 'POST',
      url: '/api/policies/refunds/versions/3/acknowledge',
      payload: {},
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ policy_id: 'refunds', version: 3, created: true });
    const again = await as('agent', {
      method: 'POST',
      url: '/api/policies/refunds/versions/3/acknowledge',
      payload: {},
    });
    expect(again.json()).toMatchObject({ created: false, acknowledged_at: first.json().acknowledged_at });
    expect((await audit('policy_version.acknowledged')).map((a) => a.actor_id)).toEqual([
      s.orgs.a.users.agent,
    ]);
    const forAgent = (await as('agent', { method: 'GET', url: '/api/policies' })).json();
    const forManager = (await as('manager', { method: 'GET', url: '/api/policies' })).json();
    const ack = (b: { items: { policy_id: string; acknowledgements: unknown }[] }) =>
      b.items.find((x) => x.policy_id === 'refunds')?.acknowledgements;
    expect(ack(forAgent)).toEqual({ version: 3, acknowledged: 1, staff: 4, by_me: true });
    expect(ack(forManager)).toEqual({ version: 3, acknowledged: 1, staff: 4, by_me: false });
    expect(
      (
        await as('agent', {
          method: 'POST',
          url: '/api/policies/refunds/versions/8/acknowledge',
          payload: {},
        })
      ).statusCode,
    ).toBe(404);
  });

  it('lints with line, column and span, using the other documents in force', async () => {
    const r = await as('agent', {
      method: 'POST',
      url: '/api/policies/lint',
      payload: { source: MISSPELT, file: 'refunds.md' },
    });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.file).toBe('refunds.md');
    expect(body.policy_id).toBe('refunds');
    expect(body.checked_with).toContain('facts@2');
    expect(body.checked_with).not.toContain('refunds@3');
    const line = lineOf(MISSPELT, 'Days since delivry');
    expect(body.diagnostics).toContainEqual({
      line,
      column: 3,
      end_line: line,
      end_column: 3 + 'Days since delivry'.length,
      severity: 'error',
      rule: 'unknown-input',
      decision: 'Refund',
      message: expect.stringContaining('did you mean "Days since delivery"'),
    });
    expect(body.errors).toBeGreaterThan(0);
    // The published text lints clean with the others.
    const clean = (
      await as('agent', { method: 'POST', url: '/api/policies/lint', payload: { source: REFUNDS } })
    ).json();
    expect(clean.diagnostics).toEqual([]);
    expect(clean.errors).toBe(0);
    // A new policy may read facts declared in facts.md and decisions of refunds.md …
    const ok = (
      await as('auditor', { method: 'POST', url: '/api/policies/lint', payload: { source: extras() } })
    ).json();
    expect(ok.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    // … and a misspelt fact is caught against that vocabulary.
    const typo = (
      await as('auditor', {
        method: 'POST',
        url: '/api/policies/lint',
        payload: { source: extras('Customer teir') },
      })
    ).json();
    expect(typo.diagnostics).toContainEqual(
      expect.objectContaining({
        rule: 'unknown-input',
        message: expect.stringContaining('did you mean "Customer tier"'),
      }),
    );
    // A FEEL mistake in a cell: the span is that cell.
    const feel = refunds({
      replace: [
        [
          '| (30..60] | "unopened" | - | - | - | "store credit"',
          '| (30..60 | "unopened" | - | - | - | "store credit"',
        ],
      ],
    });
    const f = (
      await as('manager', { method: 'POST', url: '/api/policies/lint', payload: { source: feel } })
    ).json();
    const d = f.diagnostics.find((x: { rule: string }) => x.rule === 'feel-syntax');
    const feelLine = lineOf(feel, '| (30..60 | "unopened"');
    expect(d).toMatchObject({
      line: feelLine,
      column: 3,
      end_line: feelLine,
      end_column: 3 + '(30..60'.length,
      severity: 'error',
    });
  });

  it('refuses bad lint input with field paths', async () => {
    const empty = await as('agent', { method: 'POST', url: '/api/policies/lint', payload: {} });
    expect(empty.statusCode).toBe(400);
    expect((empty.json() as Problem).errors?.[0]?.path).toBe('body.source');
    const wrongType = await as('agent', {
      method: 'POST',
      url: '/api/policies/lint',
      payload: { source: 42 },
    });
    expect((wrongType.json() as Problem).errors?.[0]?.path).toBe('body.source');
    const huge = await as('agent', {
      method: 'POST',
      url: '/api/policies/lint',
      payload: { source: 'x'.repeat(200_001) },
    });
    expect(huge.statusCode).toBe(400);
    expect((huge.json() as Problem).errors?.[0]?.path).toBe('body.source');
  });

  it('saves drafts (next version, must parse), updates them, and audits both', async () => {
    const r = await as('manager', {
      method: 'POST',
      url: '/api/policies/refunds/drafts',
      payload: { source: MISSPELT },
    });
    expect(r.statusCode, r.body).toBe(201);
    const draft = r.json();
    expect(draft).toMatchObject({ policy_id: 'refunds', version: 4, state: 'draft', published_at: null });
    expect(draft.source).toMatch(/^version: 4$/m);
    expect((await audit('policy_version.drafted')).map((a) => a.entity_id)).toEqual([draft.id]);
    const lib = (await as('manager', { method: 'GET', url: '/api/policies' })).json();
    expect(lib.items.find((x: { policy_id: string }) => x.policy_id === 'refunds')).toMatchObject({
      in_force_version: 3,
      latest_version: 4,
      draft_version: 4,
    });
    // Update with the hash loaded; a stale hash is refused.
    const fixed = refunds({ effective: '2027-01-01' });
    const u = await as('manager', {
      method: 'PUT',
      url: '/api/policies/refunds/drafts/4',
      payload: { source: fixed, base_hash: draft.source_hash },
    });
    expect(u.statusCode, u.body).toBe(200);
    expect(u.json()).toMatchObject({ version: 4, state: 'draft', effective: '2027-01-01' });
    expect(u.json().source).toMatch(/^version: 4$/m);
    const stale = await as('manager', {
      method: 'PUT',
      url: '/api/policies/refunds/drafts/4',
      payload: { source: fixed, base_hash: draft.source_hash },
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Problem).errors?.[0]?.path).toBe('body.base_hash');
    expect(await audit('policy_version.draft_updated')).toHaveLength(1);
    // Put back the mistake for the publish test.
    const back = await as('admin', {
      method: 'PUT',
      url: '/api/policies/refunds/drafts/4',
      payload: { source: MISSPELT },
    });
    expect(back.statusCode, back.body).toBe(200);
  });

  it('refuses drafts that do not parse, name another policy, or change a published version', async () => {
    const garbage = await as('manager', {
      method: 'POST',
      url: '/api/policies/refunds/drafts',
      payload: { source: 'no front matter' },
    });
    expect(garbage.statusCode).toBe(422);
    expect((garbage.json() as Problem).errors?.[0]).toMatchObject({
      path: 'body.source',
      message: expect.stringMatching(/^Line 1, column 1: /),
    });
    const other = await as('manager', {
      method: 'POST',
      url: '/api/policies/warranty/drafts',
      payload: { source: REFUNDS },
    });
    expect(other.statusCode).toBe(422);
    expect((other.json() as Problem).errors?.[0]?.path).toBe('body.source');
    const published = await as('manager', {
      method: 'PUT',
      url: '/api/policies/refunds/drafts/3',
      payload: { source: REFUNDS },
    });
    expect(published.statusCode).toBe(409);
    const missing = await as('manager', {
      method: 'PUT',
      url: '/api/policies/refunds/drafts/77',
      payload: { source: REFUNDS },
    });
    expect(missing.statusCode).toBe(404);
    const noSource = await as('manager', {
      method: 'POST',
      url: '/api/policies/refunds/drafts',
      payload: { text: REFUNDS },
    });
    expect(noSource.statusCode).toBe(400);
    expect((noSource.json() as Problem).errors?.[0]?.path).toBe('body.source');
    const badHash = await as('manager', {
      method: 'PUT',
      url: '/api/policies/refunds/drafts/4',
      payload: { source: REFUNDS, base_hash: 'x' },
    });
    expect((badHash.json() as Problem).errors?.[0]?.path).toBe('body.base_hash');
    const versions = await s.store.db
      .selectFrom('policy_versions')
      .select(['version', 'state'])
      .where('org_id', '=', s.orgs.a.orgId)
      .where('policy_id', '=', 'refunds')
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { version: 3, state: 'published' },
      { version: 4, state: 'draft' },
    ]);
  });

  it('refuses to publish while lint finds errors, then publishes; the previous version stays in history', async () => {
    const refused = await as('manager', {
      method: 'POST',
      url: '/api/policies/refunds/versions/4/publish',
      payload: {},
    });
    expect(refused.statusCode).toBe(422);
    const p = refused.json() as Problem;
    expect(p.code).toBe('policy-error');
    expect(p.errors?.[0]?.message).toContain('unknown-input');
    expect(p.errors?.[0]?.path).toBe('source');
    // A past effective date is refused too.
    await as('manager', {
      method: 'PUT',
      url: '/api/policies/refunds/drafts/4',
      payload: { source: REFUNDS },
    });
    const past = await as('manager', {
      method: 'POST',
      url: '/api/policies/refunds/versions/4/publish',
      payload: {},
    });
    expect(past.statusCode).toBe(422);
    expect(past.json().detail).toContain('2026-09-01');
    expect(await audit('policy_version.published')).toHaveLength(11);
    // Fixed and effective today: published and in force; version 3 stays, published, in history.
    const today = refunds({
      effective: TODAY,
      replace: [['Send it back within **30 days**', 'Send it back within **35 days**']],
    });
    await as('manager', { method: 'PUT', url: '/api/policies/refunds/drafts/4', payload: { source: today } });
    const ok = await as('manager', {
      method: 'POST',
      url: '/api/policies/refunds/versions/4/publish',
      payload: {},
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 4, state: 'published', effective: TODAY, retired: [] });
    const published = await audit('policy_version.published');
    expect(published).toHaveLength(12);
    expect(published.at(-1)?.actor_id).toBe(s.orgs.a.users.manager);
    const lib = (await as('agent', { method: 'GET', url: '/api/policies' })).json();
    const r = lib.items.find((x: { policy_id: string }) => x.policy_id === 'refunds');
    expect(r).toMatchObject({
      in_force_version: 4,
      effective: TODAY,
      draft_version: null,
      acknowledgements: { version: 4, acknowledged: 0, by_me: false },
    });
    expect(
      r.versions.map((v: { version: number; state: string; in_force: boolean }) => [
        v.version,
        v.state,
        v.in_force,
      ]),
    ).toEqual([
      [4, 'published', true],
      [3, 'published', false],
    ]);
    // Published versions never change, nor publish twice.
    expect(
      (await as('manager', { method: 'POST', url: '/api/policies/refunds/versions/4/publish', payload: {} }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await as('manager', {
          method: 'PUT',
          url: '/api/policies/refunds/drafts/4',
          payload: { source: today },
        })
      ).statusCode,
    ).toBe(409);
  });

  it('retires a scheduled version that a later publication supersedes', async () => {
    const create = async (effective: string) => {
      const r = await as('admin', {
        method: 'POST',
        url: '/api/policies/refunds/drafts',
        payload: { source: refunds({ effective }) },
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().version as number;
    };
    const v5 = await create('2027-03-01');
    expect(
      (
        await as('admin', {
          method: 'POST',
          url: `/api/policies/refunds/versions/${v5}/publish`,
          payload: {},
        })
      ).statusCode,
    ).toBe(200);
    const v6 = await create('2027-02-01');
    const r = await as('admin', {
      method: 'POST',
      url: `/api/policies/refunds/versions/${v6}/publish`,
      payload: {},
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().retired).toEqual([v5]);
    expect((await audit('policy_version.retired')).length).toBe(1);
    const v = (await as('agent', { method: 'GET', url: `/api/policies/refunds/versions/${v5}` })).json();
    expect(v.state).toBe('retired');
    // An older draft cannot be published over a newer publication.
    const old = await create('2027-04-01');
    const newer = await create('2027-05-01');
    expect(
      (
        await as('admin', {
          method: 'POST',
          url: `/api/policies/refunds/versions/${newer}/publish`,
          payload: {},
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await as('admin', {
          method: 'POST',
          url: `/api/policies/refunds/versions/${old}/publish`,
          payload: {},
        })
      ).statusCode,
    ).toBe(409);
  });

  it('diffs versions: text and meaning', async () => {
    const r = await as('auditor', { method: 'GET', url: '/api/policies/refunds/diff?from=3&to=4' });
    expect(r.statusCode, r.body).toBe(200);
    const d = r.json();
    expect(d).toMatchObject({ policy_id: 'refunds', from: 3, to: 4 });
    const added = d.text
      .filter((c: { kind: string }) => c.kind === 'added')
      .flatMap((c: { lines: string[] }) => c.lines);
    const removed = d.text
      .filter((c: { kind: string }) => c.kind === 'removed')
      .flatMap((c: { lines: string[] }) => c.lines);
    expect(added).toContain(`effective: ${TODAY}`);
    expect(removed).toContain('effective: 2026-09-01');
    expect(d.added).toBe(added.length);
    expect(d.semantic.decisions).toEqual([]); // prose and dates only: no decision changes
    // A working text that changes a rule: the semantic diff names the rule and an input whose outcome changes.
    const working = refunds({
      replace: [
        [
          '| <= 30 | "unopened", "opened" | - | - | - | "refund" | 100 |',
          '| <= 30 | "unopened", "opened" | - | - | - | "refund" | 90 |',
        ],
      ],
    });
    const w = await as('agent', {
      method: 'POST',
      url: '/api/policies/refunds/diff',
      payload: { source: working, from: 3 },
    });
    expect(w.statusCode, w.body).toBe(200);
    const refund = w.json().semantic.decisions.find((x: { decision: string }) => x.decision === 'Refund');
    expect(refund.status).toBe('changed');
    expect(refund.rules).toContainEqual(
      expect.objectContaining({
        kind: 'changed',
        before: 5,
        after: 5,
        outputs_before: ['"refund"', '100'],
        outputs_after: ['"refund"', '90'],
      }),
    );
    expect(refund.outcomes.length).toBeGreaterThan(0);
    expect(w.json().to).toBeNull();
    const bad = await as('agent', { method: 'GET', url: '/api/policies/refunds/diff?from=zero' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as Problem).errors?.[0]?.path).toBe('querystring.from');
    expect((await as('agent', { method: 'GET', url: '/api/policies/refunds/diff?from=99' })).statusCode).toBe(
      404,
    );
  });

  it('lints a change against what other documents read from it, and refuses to publish it', async () => {
    // extras reads refunds' "Loyalty exception"; a refunds draft renaming it breaks extras.
    const e = await as('manager', {
      method: 'POST',
      url: '/api/policies/extras/drafts',
      payload: { source: extras() },
    });
    expect(e.statusCode, e.body).toBe(201);
    expect(e.json().version).toBe(1);
    const pub = await as('manager', {
      method: 'POST',
      url: '/api/policies/extras/versions/1/publish',
      payload: {},
    });
    expect(pub.statusCode, pub.body).toBe(200);
    const renamed = refunds({
      effective: '2027-06-01',
      replace: [
        ['## Decision: Loyalty exception', '## Decision: Loyalty bonus'],
        ['| Customer tier | Loyalty exception | → Outcome', '| Customer tier | Loyalty bonus | → Outcome'],
      ],
    });
    const l = (
      await as('manager', { method: 'POST', url: '/api/policies/lint', payload: { source: renamed } })
    ).json();
    expect(l.diagnostics.filter((x: { severity: string }) => x.severity === 'error')).toEqual([]);
    expect(l.elsewhere).toContainEqual(
      expect.objectContaining({
        file: 'extras@1',
        rule: 'unknown-input',
        message: expect.stringContaining('Loyalty exception'),
      }),
    );
    const d = await as('manager', {
      method: 'POST',
      url: '/api/policies/refunds/drafts',
      payload: { source: renamed },
    });
    const refused = await as('manager', {
      method: 'POST',
      url: `/api/policies/refunds/versions/${d.json().version}/publish`,
      payload: {},
    });
    expect(refused.statusCode).toBe(422);
    expect((refused.json() as Problem).errors?.[0]?.message).toContain('extras@1');
  });

  it('allows or refuses each route for each role', async () => {
    const routes: { name: string; writes: boolean; request: () => Promise<InjectOptions> }[] = [
      { name: 'GET library', writes: false, request: async () => ({ method: 'GET', url: '/api/policies' }) },
      {
        name: 'GET version',
        writes: false,
        request: async () => ({ method: 'GET', url: '/api/policies/refunds/versions/3' }),
      },
      {
        name: 'POST acknowledge',
        writes: false,
        request: async () => ({
          method: 'POST',
          url: '/api/policies/refunds/versions/3/acknowledge',
          payload: {},
        }),
      },
      {
        name: 'POST lint',
        writes: false,
        request: async () => ({ method: 'POST', url: '/api/policies/lint', payload: { source: REFUNDS } }),
      },
      {
        name: 'GET diff',
        writes: false,
        request: async () => ({ method: 'GET', url: '/api/policies/refunds/diff?from=3&to=4' }),
      },
      {
        name: 'POST diff',
        writes: false,
        request: async () => ({
          method: 'POST',
          url: '/api/policies/refunds/diff',
          payload: { source: REFUNDS },
        }),
      },
      {
        name: 'GET overview',
        writes: false,
        request: async () => ({ method: 'GET', url: '/api/console/overview' }),
      },
      {
        name: 'POST draft',
        writes: true,
        request: async () => ({
          method: 'POST',
          url: '/api/policies/warranty/drafts',
          payload: {
            source: readFileSync(
              new URL('../../../../examples/charter/warranty.md', import.meta.url),
              'utf8',
            ),
          },
        }),
      },
      {
        name: 'PUT draft',
        writes: true,
        request: async () => {
          const row = await s.store.db
            .selectFrom('policy_versions')
            .select(['version', 'source'])
            .where('org_id', '=', s.orgs.a.orgId)
            .where('policy_id', '=', 'warranty')
            .where('state', '=', 'draft')
            .orderBy('version', 'desc')
            .executeTakeFirstOrThrow();
          return {
            method: 'PUT',
            url: `/api/policies/warranty/drafts/${row.version}`,
            payload: { source: row.source },
          };
        },
      },
      {
        name: 'POST publish',
        writes: true,
        request: async () => {
          const source = readFileSync(
            new URL('../../../../examples/charter/warranty.md', import.meta.url),
            'utf8',
          ).replace(/^effective: .*$/m, 'effective: 2027-08-01');
          const admin = await s.caller('admin');
          const d = await admin.request({
            method: 'POST',
            url: '/api/policies/warranty/drafts',
            payload: { source },
          });
          return {
            method: 'POST',
            url: `/api/policies/warranty/versions/${d.json().version}/publish`,
            payload: {},
          };
        },
      },
    ];
    const table: string[] = [];
    for (const role of ROLES) {
      for (const route of routes) {
        const r = await as(role, await route.request());
        const allowed = !route.writes || role === 'manager' || role === 'admin';
        const ok = allowed ? r.statusCode >= 200 && r.statusCode < 300 : r.statusCode === 403;
        if (!ok) table.push(`${role} ${route.name}: ${r.statusCode} ${r.body.slice(0, 300)}`);
      }
    }
    expect(table).toEqual([]);
    expect((await s.anonymous({ method: 'GET', url: '/api/policies' })).statusCode).toBe(401);
    expect(
      (await s.anonymous({ method: 'POST', url: '/api/policies/lint', payload: { source: REFUNDS } }))
        .statusCode,
    ).toBe(401);
  });

  it("keeps each organisation's policies to itself", async () => {
    // Organisation a has refunds versions 4+ and an extras policy; b sees only its own.
    const lib = (await as('admin', { method: 'GET', url: '/api/policies' }, 'b')).json();
    expect(lib.items.map((x: { policy_id: string }) => x.policy_id)).not.toContain('extras');
    expect(lib.items.find((x: { policy_id: string }) => x.policy_id === 'refunds')).toMatchObject({
      latest_version: 3,
      acknowledgements: { acknowledged: 0 },
    });
    const failures: string[] = [];
    const check = async (opts: InjectOptions, expected: number) => {
      const r = await as('admin', opts, 'b');
      if (r.statusCode !== expected)
        failures.push(`${opts.method} ${opts.url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
    };
    await check({ method: 'GET', url: '/api/policies/refunds/versions/4' }, 404);
    await check({ method: 'GET', url: '/api/policies/extras/versions/1' }, 404);
    await check({ method: 'PUT', url: '/api/policies/extras/drafts/1', payload: { source: extras() } }, 404);
    await check({ method: 'POST', url: '/api/policies/extras/versions/1/publish', payload: {} }, 404);
    await check({ method: 'POST', url: '/api/policies/extras/versions/1/acknowledge', payload: {} }, 404);
    await check({ method: 'GET', url: '/api/policies/extras/diff' }, 404);
    expect(failures).toEqual([]);
    // Lint in b does not see a's extras: a text reading its decision is checked against b's charter.
    const reader = `---\npolicy: reader\ntitle: Reader\nversion: 1\neffective: ${TODAY}\naudience: staff\n---\n\n## Decision: Read\n\n| Extra care | → Out |\n|---|---|\n| true | 1 |\n| false | 0 |\n`;
    const inA = (
      await as('admin', { method: 'POST', url: '/api/policies/lint', payload: { source: reader } })
    ).json();
    const inB = (
      await as('admin', { method: 'POST', url: '/api/policies/lint', payload: { source: reader } }, 'b')
    ).json();
    const unknown = (x: { diagnostics: { rule: string }[] }) =>
      x.diagnostics.filter((d) => d.rule === 'unknown-input');
    expect(unknown(inA)).toEqual([]);
    expect(unknown(inB)).toHaveLength(1);
    // And b's first draft of refunds is its version 4.
    const d = await as(
      'manager',
      { method: 'POST', url: '/api/policies/refunds/drafts', payload: { source: REFUNDS } },
      'b',
    );
    expect(d.json().version).toBe(4);
  });

  it('gives the team overview: open, resolved, breaches per agent, and the standards in force', async () => {
    const admin = await s.caller('admin');
    const c = await admin.request({
      method: 'POST',
      url: '/api/cases',
      payload: { kind: 'question', channel: 'email', subject: 'Overview', body: 'Hi' },
    });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().case.id as string;
    const assign = await admin.request({
      method: 'POST',
      url: `/api/cases/${id}/assign`,
      payload: { assignee_id: s.orgs.a.users.agent },
    });
    expect(assign.statusCode, assign.body).toBe(200);
    await s.store.db
      .updateTable('cases')
      .set({ next_deadline: NOW - 60_000 })
      .where('id', '=', id)
      .execute();
    // Two breaches recorded now: one fell an hour ago, one eight days ago (a job catching up).
    const entry = (seq: number, at: number) => ({
      org_id: s.orgs.a.orgId,
      id: `sla-${seq}-${id}`,
      case_id: id,
      seq: 100 + seq,
      kind: 'sla' as const,
      visibility: 'internal' as const,
      actor_type: 'system' as const,
      actor_id: null,
      body: 'Customer promise for first reply breached',
      data: JSON.stringify({ event: 'breach', clock: 'first_reply', at }),
      amends_id: null,
      created_at: NOW,
    });
    await s.store.db
      .insertInto('timeline_entries')
      .values([entry(1, NOW - 3_600_000), entry(2, NOW - 8 * 86_400_000)])
      .execute();
    // A second case of theirs, resolved yesterday; a third resolved nine days ago.
    for (const [subject, ago] of [
      ['Resolved', 86_400_000],
      ['Old', 9 * 86_400_000],
    ] as const) {
      const other = await admin.request({
        method: 'POST',
        url: '/api/cases',
        payload: { kind: 'question', channel: 'email', subject, body: 'Hi' },
      });
      await s.store.db
        .updateTable('cases')
        .set({ status: 'resolved', resolved_at: NOW - ago, assignee_id: s.orgs.a.users.agent })
        .where('id', '=', other.json().case.id)
        .execute();
    }
    const r = await as('auditor', { method: 'GET', url: '/api/console/overview' });
    expect(r.statusCode, r.body).toBe(200);
    const o = r.json();
    const agent = o.people.find((p: { user_id: string }) => p.user_id === s.orgs.a.users.agent);
    expect(agent).toMatchObject({
      name: 'agent a',
      role: 'agent',
      open_cases: 1,
      overdue_now: 1,
      resolved_last_7_days: 1,
      breaches_last_7_days: 1,
    });
    expect(o.totals.open_cases).toBe(1);
    expect(o.standards.length).toBeGreaterThan(0);
    expect(o.standards[0]).toMatchObject({ policy_id: 'standards' });
    const b = (await as('admin', { method: 'GET', url: '/api/console/overview' }, 'b')).json();
    expect(b.totals.open_cases).toBe(0);
  });
});

// The linter reads the documents in force once (cached); the database plays no part in what it
// answers, so the fuzz runs on one engine.
describe('policy lint never fails', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
  });
  afterAll(() => s.close());

  it('never fails to lint: 2,000 garbage texts answer 200 with positioned diagnostics', async () => {
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const alphabet = [
      '|',
      '-',
      '"',
      '(',
      ')',
      '[',
      ']',
      '.',
      '\n',
      ' ',
      '#',
      '→',
      '->',
      ':',
      '*',
      '`',
      '\\',
      '\u0000',
      '😀',
      'é',
      '\r\n',
      '---',
      '<=',
      '>',
      'not(',
      'x',
      '9',
    ];
    const garbage = (): string => {
      const r = rand();
      const kind = r < 0.4 ? 0 : r < 0.9 ? 1 : r < 0.95 ? 2 : 3;
      const n = 1 + Math.floor(rand() * 300);
      if (kind === 0)
        return Array.from({ length: n }, () => String.fromCharCode(Math.floor(rand() * 0xffff))).join('');
      if (kind === 1) {
        // Garbage after a valid front matter (half the time), so the body's parser and lint see it.
        const body = Array.from({ length: n }, () => pick(alphabet)).join('');
        return rand() < 0.5 ? body : `${extras().split('# Extras')[0]}## Decision: G\n\n${body}`;
      }
      // Mutations of a real document: front matter, tables and FEEL cells get broken in many ways.
      const chars = [...REFUNDS];
      for (let k = 0; k < 1 + Math.floor(rand() * 8); k++) {
        const at = Math.floor(rand() * chars.length);
        const op = rand();
        if (op < 0.4) chars.splice(at, 1 + Math.floor(rand() * 20));
        else if (op < 0.8) chars.splice(at, 0, pick(alphabet));
        else chars[at] = pick(alphabet);
      }
      return kind === 2 ? chars.join('') : chars.join('').slice(0, Math.floor(rand() * chars.length) + 1);
    };
    const agent = await s.caller('agent');
    const failures: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const source = garbage() || 'x';
      const r = await agent.withToken({ method: 'POST', url: '/api/policies/lint', payload: { source } });
      if (r.statusCode !== 200) {
        failures.push(`${i}: ${r.statusCode} ${r.body.slice(0, 200)}`);
        continue;
      }
      const body = r.json() as {
        diagnostics: { line: number; column: number; end_line: number; end_column: number; rule: string }[];
      };
      const lines = source.replace(/\r\n?/g, '\n').split('\n');
      for (const d of body.diagnostics) {
        const bad =
          d.rule === 'internal' ||
          d.line < 1 ||
          d.line > lines.length ||
          d.column < 1 ||
          d.end_line !== d.line ||
          d.end_column < d.column ||
          d.end_column > (lines[d.line - 1]?.length ?? 0) + 1;
        if (bad) failures.push(`${i}: ${JSON.stringify(d)}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  }, 300_000);
});
