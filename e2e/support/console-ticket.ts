import type { Browser, Page } from 'playwright-core'

const AGENT = { email: 'agent@lumen-loom.example', password: 'porchlight-demo' }

/**
 * The demo agent, signed in to the console in a context of its own, on the ticket `reference`
 * found by searching the queue for the order's name.
 */
export async function openTicketInConsole(
  browser: Browser,
  baseUrl: string,
  orderName: string,
  reference: string,
): Promise<Page> {
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage()
  await page.goto(`${baseUrl}/console`)
  await page.getByLabel('Email').fill(AGENT.email)
  await page.getByLabel('Password').fill(AGENT.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor()
  await page.getByRole('searchbox', { name: 'Search' }).fill(orderName)
  await page.getByRole('button', { name: 'Search' }).click()
  await page.getByRole('link', { name: reference, exact: true }).click()
  await page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor()
  return page
}
