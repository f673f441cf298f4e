import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';

/**
 * A screenshot in light and in dark, into e2e/artifacts/<folder>/ (gitignored), for a person to
 * look at; nothing compares them.
 */
export async function shoot(app: Page, folder: string, name: string): Promise<void> {
  const artifacts = resolve(import.meta.dirname, 'artifacts', folder);
  await mkdir(artifacts, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await app.screenshot({ path: join(artifacts, `${name}-${scheme}.png`), animations: 'disabled' });
  }
  await app.emulateMedia({ colorScheme: 'light' });
}
