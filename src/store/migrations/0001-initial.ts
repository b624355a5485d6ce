/**
 * @module store/migrations/0001-initial
 * The first schema: organisations, people, customers and orders, cases and their timelines,
 * decisions with approvals and budgets, policy versions, jobs, the audit chain, idempotency keys.
 */
import type { Kysely } from 'kysely';
import { bigintType, type DialectName } from '../dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  const big = bigintType(dialect);
  const s = db.schema;
  await s
    .createTable('orgs')
    .addColumn('org_id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('next_case_number', 'integer', (c) => c.notNull())
    .execute();
  await s
    .createTable('teams')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.org_id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('teams_pk', ['org_id', 'id'])
    .execute();
  await s
    .createTable('users')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.org_id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('users_pk', ['org_id', 'id'])
    .addUniqueConstraint('users_email', ['org_id', 'email'])
    .execute();
  for (const [name, extra] of [
    ['sessions', ['csrf_hash', 'expires_at']],
    ['api_tokens', ['name', 'revoked_at']],
  ] as const) {
    let t = s
      .createTable(name)
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.org_id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', big, (c) => c.notNull());
    for (const col of extra) {
      t = col.endsWith('_at') ? t.addColumn(col, big) : t.addColumn(col, 'text', (c) => c.notNull());
    }
    await t
      .addPrimaryKeyConstraint(`${name}_pk`, ['org_id', 'id'])
      .addUniqueConstraint(`${name}_token`, ['org_id', 'token_hash'])
      .execute();
  }
  await s
    .createTable('customers')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.org_id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('external_ref', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('consent', 'text', (c) => c.notNull())
    .addColumn('channel_restriction', 'text')
    .addColumn('erased_at', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('customers_pk', ['org_id', 'id'])
    .execute();
  await s.createIndex('customers_email').on('customers').columns(['org_id', 'email']).execute();
  await s
    .createTable('orders')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.org_id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('placed_at', big, (c) => c.notNull())
    .addColumn('delivered_at', big)
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('total_minor', big, (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('orders_pk', ['org_id', 'id'])
    .addUniqueConstraint('orders_number', ['org_id', 'number'])
    .addForeignKeyConstraint('orders_customer', ['org_id', 'customer_id'], 'customers', ['org_id', 'id'])
    .execute();
  await s.createIndex('orders_by_customer').on('orders').columns(['org_id', 'customer_id']).execute();
  await s
    .createTable('cases')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.org_id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('order_id', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('next_deadline', big)
    .addColumn('policy_versions', 'text', (c) => c.notNull())
    .addColumn('portal_token_hash', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .addColumn('resolved_at', big)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('cases_pk', ['org_id', 'id'])
    .addUniqueConstraint('cases_number', ['org_id', 'number'])
    .execute();
  await s.createIndex('cases_queue').on('cases').columns(['org_id', 'status', 'next_deadline']).execute();
  await s.createIndex('cases_by_customer').on('cases').columns(['org_id', 'customer_id']).execute();
  await s.createIndex('cases_by_assignee').on('cases').columns(['org_id', 'assignee_id', 'status']).execute();
  await s
    .createTable('timeline_entries')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('amends_id', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('timeline_pk', ['org_id', 'id'])
    .addUniqueConstraint('timeline_seq', ['org_id', 'case_id', 'seq'])
    .addForeignKeyConstraint('timeline_case', ['org_id', 'case_id'], 'cases', ['org_id', 'id'])
    .execute();
  await s
    .createTable('procedure_progress')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('procedure', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('done_at', big)
    .addColumn('done_by', 'text')
    .addColumn('evidence', 'text')
    .addPrimaryKeyConstraint('procedure_pk', ['org_id', 'case_id', 'procedure', 'step'])
    .addForeignKeyConstraint('procedure_case', ['org_id', 'case_id'], 'cases', ['org_id', 'id'])
    .execute();
  await s
    .createTable('decisions')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('outputs', 'text', (c) => c.notNull())
    .addColumn('matched', 'text', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('decided_at', big, (c) => c.notNull())
    .addColumn('approval_state', 'text', (c) => c.notNull())
    .addColumn('approver_role', 'text')
    .addColumn('amount_minor', big)
    .addColumn('currency', 'text')
    .addPrimaryKeyConstraint('decisions_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('decisions_case', ['org_id', 'case_id'], 'cases', ['org_id', 'id'])
    .execute();
  await s.createIndex('decisions_by_case').on('decisions').columns(['org_id', 'case_id']).execute();
  await s
    .createTable('approvals')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('decision_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('approver_role', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', big)
    .addColumn('reason', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('approvals_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('approvals_decision', ['org_id', 'decision_id'], 'decisions', ['org_id', 'id'])
    .execute();
  await s
    .createIndex('approvals_inbox')
    .on('approvals')
    .columns(['org_id', 'state', 'approver_role'])
    .execute();
  await s
    .createTable('budget_entries')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('budget_key', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('amount_minor', big, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('decision_id', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('budget_pk', ['org_id', 'id'])
    .execute();
  await s
    .createIndex('budget_by_key')
    .on('budget_entries')
    .columns(['org_id', 'budget_key', 'period'])
    .execute();
  await s
    .createTable('policy_versions')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('effective', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('published_at', big)
    .addColumn('published_by', 'text')
    .addPrimaryKeyConstraint('policy_versions_pk', ['org_id', 'id'])
    .addUniqueConstraint('policy_versions_version', ['org_id', 'policy_id', 'version'])
    .execute();
  await s
    .createTable('acknowledgements')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('policy_version_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('acknowledgements_pk', ['org_id', 'policy_version_id', 'user_id'])
    .execute();
  await s
    .createTable('jobs')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_at', big, (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', big)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done_at', big)
    .addColumn('result', 'text')
    .addPrimaryKeyConstraint('jobs_pk', ['org_id', 'id'])
    .execute();
  await s.createIndex('jobs_due').on('jobs').columns(['done_at', 'due_at']).execute();
  await s
    .createTable('audit_log')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('at', big, (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_pk', ['org_id', 'seq'])
    .execute();
  await s
    .createTable('idempotency_keys')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_pk', ['org_id', 'user_id', 'key'])
    .execute();
  await s
    .createTable('login_attempts')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', big, (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('login_attempts_pk', ['org_id', 'key'])
    .execute();
}
