import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The runner's button names in the page's language. */
export interface RunnerWords {
  next: string;
  submit: string;
}

/**
 * Answers the survey open in the runner, screen by screen, at the top of every scale (a screen may hold an
 * expected/lived pair), until it is submitted. `onScreen` runs on each screen once it is answered (screenshots).
 */
export async function answerEveryScreen(
  page: Page,
  w: RunnerWords,
  onScreen?: (screen: number) => Promise<void>,
): Promise<void> {
  const submit = page.getByRole('button', { name: w.submit, exact: true });
  const next = page.getByRole('button', { name: w.next, exact: true });
  const progress = page.getByRole('progressbar');
  for (let screen = 0; screen < 60; screen += 1) {
    await progress.waitFor();
    const position = await progress.getAttribute('aria-valuetext');
    for (const scale of await page.locator('form fieldset').all()) {
      const radios = scale.getByRole('radio');
      const count = await radios.count();
      if (count > 0) await radios.nth(count - 1).check();
    }
    await onScreen?.(screen);
    if (await submit.isVisible()) {
      await submit.click();
      return;
    }
    await next.click();
    await expect.poll(() => progress.getAttribute('aria-valuetext')).not.toBe(position);
  }
  throw new Error('the survey never reached its last screen');
}
