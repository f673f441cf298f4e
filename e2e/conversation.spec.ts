import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { findSessionRow } from './list';
import { shoot } from './shoot';

/**
 * One long ORCS session written here: code fences (a known language and hostile info strings),
 * a tool result past the 50 KB limit, and more turns than the first page holds, three of which
 * say "needle".
 */
const TURNS = 600;
const NEEDLES = [10, 250, 580] as const;
const TYPESCRIPT = 'const answer: number = 42;\nexport function twice(x: number) {\n  return x * 2;\n}';
const TAIL = 'END-OF-THE-LONG-OUTPUT';

function turn(index: number, role: string, content: string, toolCalls: unknown[] = []) {
  return {
    id: `6ba7b810-9dad-41d1-80b4-${String(index).padStart(12, '0')}`,
    timestamp_ms: 1763800000000 + index * 1000,
    role,
    content,
    tool_calls: toolCalls,
    tags: [],
    metadata: {},
  };
}

function session() {
  const turns = [
    turn(0, 'user', 'Show me some code, please.'),
    turn(
      1,
      'assistant',
      [
        'Here it is:',
        '```ts',
        TYPESCRIPT,
        '```',
        'And two fences whose info strings are not languages:',
        '```js onload=alert(1)',
        'alert("not run")',
        '```',
        '```"><img src=x onerror=alert(1)>',
        '<img src=x onerror=alert(2)>',
        '```',
      ].join('\n'),
    ),
    turn(2, 'assistant', 'I read the whole log.', [
      {
        tool_name: 'read',
        args: { path: 'logs/build.log' },
        result: `${'build step ok\n'.repeat(5000)}${TAIL}`,
        success: true,
        duration_ms: 40,
      },
      {
        tool_name: 'open_file',
        args: { path: 'src/answer.ts' },
        result: TYPESCRIPT,
        success: true,
        duration_ms: 3,
      },
    ]),
    turn(3, 'system', 'You are a careful assistant.'),
  ];
  for (let index = turns.length; index < TURNS; index++) {
    const role = index % 2 === 0 ? 'user' : 'assistant';
    const text = (NEEDLES as readonly number[]).includes(index)
      ? `Found the needle in turn ${index + 1}.`
      : `Filler message ${index + 1}.`;
    turns.push(turn(index, role, text));
  }
  return {
    id: '0c0ffee0-1234-4abc-8def-000000000001',
    version: 1,
    created_at_ms: 1763800000000,
    updated_at_ms: 1763800000000 + TURNS * 1000,
    history: { turns, compacted: [], max_turns: 10000 },
    preferences: {
      coding_style: {
        preferred_languages: ['typescript'],
        indent: 'spaces',
        indent_size: 2,
        naming_convention: null,
        comment_style: null,
      },
      communication: { verbosity: 'concise', language: 'en', formality: null, include_examples: false },
      frequent_tools: [],
      custom: {},
    },
    project_context: {
      root_path: '/home/ada/code/reader',
      name: 'A long conversation',
      technologies: [],
      key_files: [],
      architecture_notes: [],
      learned_facts: [],
      persistent_contexts: [],
    },
    skill_configs: {},
    component_snapshots: {},
    granted_commands: [],
    metadata: {},
  };
}

const fixture = mkdtempSync(join(tmpdir(), 'sessionscope-conversation-'));
writeFileSync(join(fixture, '0c0ffee0-1234-4abc-8def-000000000001.json'), JSON.stringify(session()));
test.use({ sessions: fixture });

/** What the page's clipboard holds; the specs are compiled without the DOM's types, hence the cast. */
const clipboardText = (app: Page) =>
  app.evaluate(() =>
    (navigator as unknown as { clipboard: { readText(): Promise<string> } }).clipboard.readText(),
  );

const sessionView = (app: Page) => app.getByRole('main', { name: 'Session' });
const conversation = (app: Page) => sessionView(app).getByRole('region', { name: 'Conversation' });
const turnArticle = (app: Page, number: number) =>
  sessionView(app).getByRole('article', { name: new RegExp(`^Turn ${number}, `) });

async function openSession(app: Page) {
  // A script that ran from session text would open an alert; none may.
  app.on('dialog', (dialog) => {
    throw new Error(`a page dialog opened: ${dialog.message()}`);
  });
  const row = await findSessionRow(app, /^A long conversation/);
  await row.click();
  await expect(
    sessionView(app).getByRole('heading', { level: 2, name: 'A long conversation' }),
  ).toBeVisible();
}

test('code fences in a known language are highlighted; other info strings stay plain text', async ({
  app,
}) => {
  await openSession(app);
  const answer = turnArticle(app, 2);
  const code = answer.getByRole('figure', { name: 'TypeScript code' });
  await expect(code).toBeVisible();
  const keyword = code.locator('.token.keyword').first();
  await expect(keyword).toHaveText('const');
  // Highlighted: the keyword has a colour of its own, not the text's.
  const colours = await code.evaluate((figure) => {
    const pre = figure.querySelector('pre');
    const word = figure.querySelector('.token.keyword');
    const style = figure.ownerDocument.defaultView;
    return [pre && style?.getComputedStyle(pre).color, word && style?.getComputedStyle(word).color];
  });
  expect(colours[1]).not.toBe(colours[0]);

  const plain = answer.getByRole('figure', { name: 'Plain text code' });
  await expect(plain).toHaveCount(2);
  await expect(plain.nth(0)).toContainText('alert("not run")');
  await expect(plain.nth(1)).toContainText('<img src=x onerror=alert(2)>');
  await expect(plain.locator('.token')).toHaveCount(0);
  await expect(answer.locator('img')).toHaveCount(0);
  await expect(sessionView(app).locator('[onload], [onerror]')).toHaveCount(0);
  await shoot(app, 'conversation', 'code');
});

test('copy buttons copy a message and a code block, and say so', async ({ app }) => {
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSession(app);
  const question = turnArticle(app, 1);
  await question.hover();
  await question.getByRole('button', { name: 'Copy message' }).click();
  await expect(question.getByRole('status')).toHaveText('Copied');
  expect(await clipboardText(app)).toBe('Show me some code, please.');

  const code = turnArticle(app, 2).getByRole('figure', { name: 'TypeScript code' });
  await code.getByRole('button', { name: 'Copy code' }).click();
  await expect(code.getByRole('status')).toHaveText('Copied');
  expect(await clipboardText(app)).toBe(TYPESCRIPT);
  // The confirmation is brief.
  await expect(code.getByRole('status')).toHaveCount(0);
});

test('a tool output over 50 KB shows its head and a Show all button', async ({ app }) => {
  await openSession(app);
  const withTool = turnArticle(app, 3);
  await withTool.getByText('read', { exact: true }).click();
  const result = withTool.getByRole('group', { name: 'Result of read' });
  const showAll = result.getByRole('button', { name: /^Show all \(/ });
  await expect(showAll).toBeVisible();
  await expect(result).toContainText('build step ok');
  await expect(result).not.toContainText(TAIL);
  await showAll.click();
  await expect(result).toContainText(TAIL);
  await expect(showAll).toHaveCount(0);
});

test('a tool result that is code is highlighted in the language of its file', async ({ app }) => {
  await openSession(app);
  const withTool = turnArticle(app, 3);
  await withTool.getByText('open_file', { exact: true }).click();
  const result = withTool.getByRole('group', { name: 'Result of open_file' });
  await expect(
    result.getByRole('figure', { name: 'TypeScript code' }).locator('.token.keyword').first(),
  ).toHaveText('const');
  await shoot(app, 'conversation', 'tool-code');
});

test('Go to turn takes the conversation to a turn not loaded yet and focuses it', async ({ app }) => {
  await openSession(app);
  await sessionView(app).getByRole('button', { name: 'Go to turn…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Go to turn' });
  const field = dialog.getByRole('spinbutton', { name: 'Turn number' });
  await expect(field).toBeFocused();
  await field.fill(String(TURNS + 1));
  await dialog.getByRole('button', { name: 'Go' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(`Enter a number from 1 to ${TURNS}.`);
  await field.fill('550');
  await dialog.getByRole('button', { name: 'Go' }).click();
  await expect(dialog).toHaveCount(0);
  const target = turnArticle(app, 550);
  await expect(target).toBeFocused();
  await expect(target).toHaveAttribute('aria-current', 'location');
  await expect(target).toBeInViewport();

  // The same from the keyboard.
  await app.keyboard.press('ControlOrMeta+g');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('spinbutton', { name: 'Turn number' }).fill('5');
  await app.keyboard.press('Enter');
  await expect(turnArticle(app, 5)).toBeFocused();
  await expect(turnArticle(app, 5)).toBeInViewport();
});

test('find in session counts the matching turns and steps through them', async ({ app }) => {
  await openSession(app);
  const findButton = sessionView(app).getByRole('button', { name: 'Find in session' });
  await findButton.focus();
  await app.keyboard.press('ControlOrMeta+f');
  const bar = app.getByRole('search', { name: 'Find in session' });
  const field = bar.getByRole('textbox', { name: 'Find in session' });
  const count = bar.getByRole('status');
  await expect(field).toBeFocused();
  await field.fill('needle');
  await expect(count).toHaveText('1 of 3');
  const first = turnArticle(app, NEEDLES[0] + 1);
  await expect(first).toBeInViewport();
  await expect(first).toHaveAttribute('aria-current', 'location');
  await expect(first.locator('mark')).toHaveText('needle');
  await shoot(app, 'conversation', 'find');

  await field.press('Enter');
  await expect(count).toHaveText('2 of 3');
  await expect(turnArticle(app, NEEDLES[1] + 1)).toBeInViewport();
  await field.press('Shift+Enter');
  await expect(count).toHaveText('1 of 3');
  await bar.getByRole('button', { name: 'Previous match' }).click();
  await expect(count).toHaveText('3 of 3');
  await expect(turnArticle(app, NEEDLES[2] + 1)).toBeInViewport();
  await bar.getByRole('button', { name: 'Next match' }).click();
  await expect(count).toHaveText('1 of 3');

  await field.fill('nothing like this');
  await expect(count).toHaveText('No matches');
  await expect(bar.getByRole('button', { name: 'Next match' })).toBeDisabled();
  // Query syntax is text: a hostile query finds nothing and breaks nothing.
  await field.fill('"NEAR( col:x * OR');
  await expect(count).toHaveText('No matches');

  await field.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect(findButton).toBeFocused();
  await expect(conversation(app).locator('mark')).toHaveCount(0);
});

test('the shortcut sheet lists find and go to turn', async ({ app }) => {
  await app.getByRole('heading', { name: 'Sessionscope' }).click();
  await app.keyboard.press('?');
  const sheet = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByRole('row', { name: /Find in the open session/ })).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Go to a turn of the open session/ })).toBeVisible();
});
