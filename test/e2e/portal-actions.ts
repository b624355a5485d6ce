/**
 * Reusable portal steps for browser tests: a visitor files a refund/return request through the real
 * form and reads the acknowledgement.
 */
import type { Page } from 'playwright-core';

export interface FiledThroughPortal {
  /** The case number the acknowledgement shows (#1042 → 1042). */
  readonly caseNumber: number;
  /** The absolute private link, e.g. http://127.0.0.1:5123/follow/<token>. */
  readonly followUrl: string;
}

/**
 * Opens `${url}/request`, files a refund or return request for the order found by number and email,
 * and waits for the acknowledgement.
 * @example const { caseNumber, followUrl } = await fileRefundRequest(page, app.url, { orderNumber: 'LH-100010', email, text: 'Please refund' })
 */
export async function fileRefundRequest(
  page: Page,
  url: string,
  input: {
    readonly orderNumber: string;
    readonly email: string;
    readonly text: string;
    readonly subject?: string;
  },
): Promise<FiledThroughPortal> {
  await page.goto(`${url}/request`);
  // By keyboard, as a visitor without a mouse would: Space picks the kind, Tab and Enter send.
  await page.getByRole('radio', { name: /A refund or return/ }).focus();
  await page.keyboard.press('Space');
  if (!(await page.getByRole('radio', { name: /A refund or return/ }).isChecked()))
    throw new Error('the refund or return choice did not take');
  await page.getByLabel('Order number').fill(input.orderNumber);
  await page.getByLabel('Email address').fill(input.email);
  await page.getByLabel('Subject').fill(input.subject ?? `Refund for order ${input.orderNumber}`);
  await page.getByLabel('Your message').fill(input.text);
  await page.getByLabel('Your message').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const ack = page.getByRole('heading', { name: 'Thank you — we have your request' });
  const problem = page.locator('#form-error .error');
  await Promise.race([ack.waitFor(), problem.waitFor()]);
  if (await problem.isVisible()) {
    const fields = await page.locator('.portal-field-error').allTextContents();
    throw new Error(`the portal refused the request: ${await problem.textContent()} ${fields.join('; ')}`);
  }
  const number = (await page.getByTestId('case-number').textContent())?.replace('#', '') ?? '';
  const href = (await page.getByTestId('follow-link').getAttribute('href')) ?? '';
  if (!/^\d+$/.test(number) || !href.startsWith('/follow/'))
    throw new Error(`unexpected acknowledgement: case "${number}", link "${href}"`);
  return { caseNumber: Number(number), followUrl: new URL(href, url).toString() };
}
