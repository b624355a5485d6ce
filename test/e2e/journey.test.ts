/**
 * The whole journey across the three faces, in chromium against a real `charter serve`: a customer
 * files a refund request on the portal; an agent finds it at the top of the queue, follows the
 * refund procedure and decides a refund over their limit; a manager approves it in the inbox; the
 * customer sees the outcome, in the policy's words, through their private link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signIn } from '../server-process.ts';
import { type AppUnderTest, DEMO, launch, newContext, signInThroughForm, startApp } from './browser.ts';
import { fileRefundRequest } from './portal-actions.ts';

const DAY = 86_400_000;

async function ok<T>(r: Response): Promise<T> {
  if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

describe('portal → desk → approval → portal', () => {
  let app: AppUnderTest;
  let browser: Awaited<ReturnType<typeof launch>>;
  let admin: Session;

  beforeAll(async () => {
    // No demo history: the queue holds only what this test puts in it.
    [app, browser] = await Promise.all([
      startApp({ CHARTER_DEMO_CASES: '0', CHARTER_DEMO_CUSTOMERS: '0' }),
      launch(),
    ]);
    admin = await signIn(app.url, DEMO.org, DEMO.admin.email, DEMO.admin.password);
    const customer = await ok<{ id: string }>(
      await admin.post('/api/customers', {
        name: 'Ines Marlow',
        email: 'ines.marlow@example.com',
        tier: 'standard',
      }),
    );
    const now = Date.now();
    await ok(
      await admin.post(`/api/customers/${customer.id}/orders`, {
        number: 'LH-JOURNEY-1',
        placed_at: new Date(now - 9 * DAY).toISOString(),
        delivered_at: new Date(now - 4 * DAY).toISOString(),
        currency: 'GBP',
        total_minor: 31_500,
        items: [
          {
            sku: 'SA-910',
            name: 'Espresso machine',
            category: 'small appliances',
            quantity: 1,
            unit_minor: 31_500,
          },
        ],
      }),
    );
    // Older work with later deadlines: low-priority written questions get two working days to reply.
    for (const subject of ['Do you sell gift cards?', 'Colour of the linen throw', 'Catalogue by post'])
      await ok(
        await admin.post('/api/cases', { kind: 'question', channel: 'email', priority: 'low', subject }),
      );
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('files, decides, approves and shows the outcome to the customer', async () => {
    const errors: string[] = [];
    // 1. The customer, on the public portal.
    const customerCtx = await newContext(browser);
    const customer = await customerCtx.newPage();
    customer.on('pageerror', (e) => errors.push(e.message));
    const filed = await fileRefundRequest(customer, app.url, {
      orderNumber: 'LH-JOURNEY-1',
      email: 'ines.marlow@example.com',
      subject: 'Espresso machine arrived cracked',
      text: 'The water tank was cracked when I unpacked it. I would like my money back.',
    });

    // 2. The agent: the new request is at the top of the queue (it breaches first).
    const agentCtx = await newContext(browser);
    const agent = await agentCtx.newPage();
    agent.on('pageerror', (e) => errors.push(e.message));
    await signInThroughForm(agent, `${app.url}/desk`, DEMO.agent);
    const firstRow = agent.locator('table.queue-table tbody tr').first();
    await firstRow.waitFor();
    expect(await agent.locator('table.queue-table tbody tr').count()).toBe(4);
    expect(await firstRow.textContent()).toContain('Espresso machine arrived cracked');
    // Opened from the queue with the keyboard: the first row starts selected, Enter opens it.
    await agent.locator('body').click({ position: { x: 5, y: 500 } });
    expect(await firstRow.getAttribute('aria-current')).toBe('true');
    await agent.keyboard.press('Enter');
    await agent.getByRole('heading', { level: 1, name: new RegExp(`#${filed.caseNumber}`) }).waitFor();
    await agent
      .locator('ol.timeline li[data-kind="message_in"]')
      .getByText(/water tank was cracked/)
      .waitFor();

    // The refund procedure: the first two steps, ticked with evidence.
    for (const [step, evidence] of [
      ['Check the order', 'LH-JOURNEY-1, delivered four days ago, £315 paid'],
      ['Confirm the condition', 'Customer sent a photo of the cracked tank'],
    ] as const) {
      const li = agent.locator(`li.step[data-step="${step}"]`);
      await li.getByLabel(`Evidence for ${step}`).fill(evidence);
      await li.getByRole('button', { name: `Tick ${step}` }).click();
      await li.getByText(evidence).waitFor();
    }

    // The decision: £315 is over the agent's authority, so it waits for a team lead.
    const panel = agent.locator('section.decision-panel');
    await panel.getByLabel('Decision to apply').selectOption('Refund');
    await panel.getByLabel('Item condition').selectOption('damaged in transit');
    await panel.getByText(/Needs approval by a team lead/).waitFor();
    await panel.getByRole('button', { name: 'Record decision' }).click();
    const outcome = panel.locator('.outcome-box');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('approval pending');
    expect(await outcome.textContent()).toContain('£315.00');
    const decide = agent.locator('li.step[data-step="Decide by the policy"]');
    await decide
      .getByLabel('Evidence for Decide by the policy')
      .fill('Refund recorded, awaiting a team lead');
    await decide.getByRole('button', { name: 'Tick Decide by the policy' }).click();
    await decide.getByText('Refund recorded, awaiting a team lead').waitFor();

    // Meanwhile the customer sees that it is being reviewed.
    await customer.goto(filed.followUrl);
    await customer.locator('.portal-item-outcome').getByText('Refund: being reviewed').waitFor();

    // 3. The manager approves in the inbox.
    const managerCtx = await newContext(browser);
    const manager = await managerCtx.newPage();
    manager.on('pageerror', (e) => errors.push(e.message));
    await signInThroughForm(manager, `${app.url}/desk/approvals`, DEMO.manager);
    const request = manager.getByRole('article').filter({ hasText: `Case #${filed.caseNumber}` });
    await request.waitFor();
    expect(await request.textContent()).toContain('£315.00');
    await request.getByLabel(/Reason/).fill('Photo shows the tank cracked in transit');
    await request.getByRole('button', { name: 'Approve' }).click();
    await manager
      .getByRole('status')
      .filter({ hasText: `Approved: Refund on case #${filed.caseNumber}` })
      .waitFor();

    // 4. The customer, through the private link, sees the outcome and the rule's reason.
    await customer.reload();
    const shown = customer.locator('.portal-item-outcome');
    await shown.getByText('Refund approved: £315.00').waitFor();
    expect(await shown.textContent()).toContain('arrived faulty or broken');
    // Nothing internal leaks: not the approver's reason, not the evidence.
    const page = (await customer.locator('main').textContent()) ?? '';
    expect(page).not.toContain('Photo shows the tank');
    expect(page).not.toContain('awaiting a team lead');
    expect(errors).toEqual([]);
    await Promise.all([customerCtx.close(), agentCtx.close(), managerCtx.close()]);
  }, 120_000);
});
