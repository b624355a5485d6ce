import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/databases.ts';
import { ROLES, startTestServer, type TestServer } from '../../../../test/http.ts';
import { entryHash, exportAudit, GENESIS } from '../../../audit/index.ts';

interface Entry {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

describe.each(ENGINES)('reading the audit log on %s', (engine) => {
  let s: TestServer;
  let caseId: string;
  beforeAll(async () => {
    s = await startTestServer(engine);
    const agent = await s.caller('agent');
    const opened = await agent.request({
      method: 'POST',
      url: '/api/cases',
      payload: { kind: 'complaint', channel: 'email', subject: 'Audited', body: 'Hello' },
    });
    caseId = opened.json().case.id;
    s.clock.now += 60_000;
    await agent.request({ method: 'POST', url: `/api/cases/${caseId}/notes`, payload: { body: 'Checked' } });
    await agent.request({
      method: 'POST',
      url: `/api/cases/${caseId}/escalate`,
      payload: { reason: 'Upset' },
    });
  });
  afterAll(() => s.close());

  const read = async (
    query: string,
    role: 'admin' | 'manager' | 'agent' | 'auditor' = 'auditor',
    org: 'a' | 'b' = 'a',
  ) => (await s.caller(role, org)).request({ method: 'GET', url: `/api/audit${query}` });

  it('lets auditors, managers and admins read it, and no one else', async () => {
    const statuses = await Promise.all(ROLES.map(async (role) => [role, (await read('', role)).statusCode]));
    expect(Object.fromEntries(statuses)).toEqual({ admin: 200, manager: 200, agent: 403, auditor: 200 });
    expect((await s.anonymous({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
  });

  it("shows a case's history, newest first, with who did it", async () => {
    const r = await read(`?entity=case&entity_id=${caseId}`);
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json().items as Entry[];
    expect(items.map((e) => e.action)).toEqual(['case.escalated', 'case.note_added', 'case.created']);
    expect(items.every((e) => e.entity_id === caseId)).toBe(true);
    expect(items[2]).toMatchObject({ actor_id: s.orgs.a.users.agent, actor_name: 'agent a' });
    expect(items[2]?.data).toMatchObject({ kind: 'complaint', channel: 'email' });
    const byAction = (await read(`?action=case.note_added&entity_id=${caseId}`)).json().items as Entry[];
    expect(byAction).toHaveLength(1);
  });

  it('pages backwards by sequence number, and the hashes chain across the pages', async () => {
    const first = (await read('?limit=3')).json() as { items: Entry[]; next_before: number | null };
    expect(first.items).toHaveLength(3);
    expect(first.next_before).toBe(first.items[2]?.seq);
    const second = (await read(`?limit=3&before=${first.next_before}`)).json() as { items: Entry[] };
    const all = [...first.items, ...second.items];
    for (let i = 0; i < all.length - 1; i++) {
      expect(all[i]!.seq).toBe(all[i + 1]!.seq + 1);
      expect(all[i]!.prev_hash).toBe(all[i + 1]!.hash);
    }
    const last = (await read('?before=2')).json() as { items: Entry[]; next_before: number | null };
    expect(last.items.map((e) => e.seq)).toEqual([1]);
    expect(last.next_before).toBeNull();
  });

  it('filters by period and by actor', async () => {
    const created = ((await read(`?entity_id=${caseId}&action=case.created`)).json().items as Entry[])[0]!;
    const since = new Date(Date.parse(created.at) + 1).toISOString();
    const later = (await read(`?entity_id=${caseId}&from=${encodeURIComponent(since)}`)).json()
      .items as Entry[];
    expect(later.map((e) => e.action)).toEqual(['case.escalated', 'case.note_added']);
    const before = (await read(`?entity_id=${caseId}&to=${encodeURIComponent(since)}`)).json()
      .items as Entry[];
    expect(before.map((e) => e.action)).toEqual(['case.created']);
    const byAdmin = (await read(`?actor_id=${s.orgs.a.users.admin}&entity_id=${caseId}`)).json().items;
    expect(byAdmin).toEqual([]);
  });

  it('refuses bad input with the field at fault', async () => {
    const cases: [string, string][] = [
      ['?limit=0', 'querystring.limit'],
      ['?limit=500', 'querystring.limit'],
      ['?before=zero', 'querystring.before'],
      ['?from=yesterday', 'querystring.from'],
      ['?from=2026-11-23T10:00:00Z&to=2026-11-22T10:00:00Z', 'querystring.to'],
    ];
    for (const [query, path] of cases) {
      const r = await read(query);
      expect(r.statusCode, `${query} ${r.body}`).toBe(400);
      expect(r.json().errors[0].path).toBe(path);
    }
  });

  it("never shows one organisation another's entries", async () => {
    const other = (await read(`?entity_id=${caseId}`, 'auditor', 'b')).json().items;
    expect(other).toEqual([]);
    const all = (await read('?limit=200', 'admin', 'b')).json().items as Entry[];
    expect(all.length).toBeGreaterThan(0);
    expect(all.some((e) => e.entity_id === caseId)).toBe(false);
  });

  /** NDJSON lines of an export, parsed. */
  const exported = async (query = '', role: 'admin' | 'auditor' = 'auditor', org: 'a' | 'b' = 'a') => {
    const r = await (await s.caller(role, org)).request({ method: 'GET', url: `/api/audit/export${query}` });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(r.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.ndjson"$/,
    );
    return r.body
      .split('\n')
      .filter(Boolean)
      .map(
        (l) => JSON.parse(l) as Record<string, unknown> & { seq: number; prev_hash: string; hash: string },
      );
  };
  const recomputed = (e: Record<string, unknown>) =>
    entryHash(e.prev_hash as string, {
      orgId: e.org_id as string,
      seq: e.seq as number,
      id: e.id as string,
      at: e.at as number,
      actorType: e.actor_type as string,
      actorId: e.actor_id as string | null,
      action: e.action as string,
      entity: e.entity as string,
      entityId: e.entity_id as string,
      data: e.data as string,
    });

  it('exports the whole log as NDJSON whose hashes anyone can recompute', async () => {
    const lines = await exported();
    const check = (await read('/verify')).json() as { entries: number };
    expect(lines).toHaveLength(check.entries);
    expect(lines[0]?.prev_hash).toBe(GENESIS);
    lines.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      expect(recomputed(e)).toBe(e.hash);
      if (i > 0) expect(e.prev_hash).toBe(lines[i - 1]?.hash);
    });
    // Read a page at a time, the same entries come out.
    const paged: number[] = [];
    for await (const e of exportAudit(s.store.db, s.orgs.a.orgId, {}, 2)) paged.push(e.seq);
    expect(paged).toEqual(lines.map((e) => e.seq));
    // The same recipe, written out, catches an edited line.
    const edited = { ...lines[1]!, data: '{"tampered":true}' };
    expect(recomputed(edited)).not.toBe(edited.hash);
  });

  it("exports a period anchored to the entry before it, only one organisation's, to the roles that read the log", async () => {
    const all = await exported();
    const created = ((await read(`?entity_id=${caseId}&action=case.created`)).json().items as Entry[])[0]!;
    const since = encodeURIComponent(new Date(Date.parse(created.at) + 1).toISOString());
    const period = await exported(`?from=${since}`);
    expect(period.length).toBeGreaterThan(0);
    expect(period.length).toBeLessThan(all.length);
    const before = all.find((e) => e.seq === period[0]!.seq - 1)!;
    expect(period[0]?.prev_hash).toBe(before.hash);
    for (const e of period) expect(recomputed(e)).toBe(e.hash);
    const other = await exported('', 'admin', 'b');
    expect(other.some((e) => e.entity_id === caseId)).toBe(false);
    const agent = await (await s.caller('agent')).request({ method: 'GET', url: '/api/audit/export' });
    expect(agent.statusCode).toBe(403);
    const backwards = await (await s.caller('auditor')).request({
      method: 'GET',
      url: '/api/audit/export?from=2026-11-23T10:00:00Z&to=2026-11-22T10:00:00Z',
    });
    expect(backwards.statusCode).toBe(400);
  });
});
