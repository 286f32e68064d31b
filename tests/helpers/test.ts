/**
 * Playwright's `test` for the browser tests, with one addition: when a test
 * ends, every page it opened leaves for about:blank, as a person's tab does
 * when it is closed. Leaving fires `pagehide`, which releases an editor's
 * lock on the page they had open (src/admin/EditLockNotice.tsx); Playwright
 * closes a test's contexts without it, and the lock would linger for the
 * next test's reviewer.
 */
import { test as base } from '@playwright/test'

export * from '@playwright/test'

export const test = base.extend<{ leavePages: void }>({
  leavePages: [
    // Depends on `context`, so it is torn down before the test's own context is closed.
    async ({ browser, context }, use) => {
      await use()
      for (const open of new Set([context, ...browser.contexts()])) for (const page of open.pages()) await page.goto('about:blank').catch(() => undefined)
    },
    { auto: true },
  ],
})
