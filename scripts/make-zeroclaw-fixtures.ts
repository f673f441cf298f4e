/**
 * Writes the ZeroClaw test fixtures (fixtures/zeroclaw/), the same bytes every run: no clock, no
 * randomness. Well-formed lines are what ZeroClaw's `append` writes (`serde_json::to_string` of a
 * ChatMessage and "\n", which JSON.stringify matches byte for byte); damaged ones are written as
 * bytes, because ZeroClaw never writes those on purpose. sessions.db gets ZeroClaw's SQLite-backend
 * schema (v0.6.5: the table as created, then the columns added by ALTER TABLE) and rows as its
 * backend writes them.
 *
 *   npx tsx scripts/make-zeroclaw-fixtures.ts
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { sanitizeKey } from '../src/core/formats/zeroclaw/sanitize';
import { appendSqliteMessage } from '../src/core/formats/zeroclaw/testkit';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(repo, 'fixtures', 'zeroclaw');

// ---------------------------------------------------------------------------------------------
// Lines

type Message = [role: string, content: string];

/** `writeln!(file, "{json}")` of a ChatMessage. */
const line = ([role, content]: Message): string => `${JSON.stringify({ role, content })}\n`;
const lines = (messages: Message[]): string => messages.map(line).join('');
const bytes = (...parts: (string | Buffer)[]): Buffer =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)));

const covers = new Map<string, string>();

function session(key: string, content: Buffer | string, what: string): string {
  const name = `${sanitizeKey(key)}.jsonl`;
  write(name, content, what);
  return name;
}

function write(name: string, content: Buffer | string, what: string): void {
  writeFileSync(join(out, name), content);
  covers.set(name, what);
}

// ---------------------------------------------------------------------------------------------
// Sessions

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

session(
  'telegram_12345_alice',
  lines([
    ['user', 'Can you help me plan a weekend in Lisbon? Two days, mostly food and walking.'],
    [
      'assistant',
      'Happily. Day 1: Alfama in the morning (go early, the miradouros are quieter), lunch at a tasca near Largo do Chafariz de Dentro, then Tram 28 towards Estrela. Day 2: Belém for pastéis and the Jerónimos cloister, back along the river to LX Factory for dinner.',
    ],
    ['user', 'What should I book ahead?'],
    [
      'assistant',
      'The Jerónimos cloister (timed tickets) and dinner on Saturday. Everything else works walk-in.',
    ],
    ['user', 'Thanks!'],
    ['assistant', 'Enjoy the trip. Bring comfortable shoes: Lisbon is hills all the way down.'],
  ]),
  'normal chat (Telegram key), named in sessions.db ("Lisbon weekend"), state idle',
);

session(
  'slack_C123_1.2_user one',
  lines([
    ['user', 'deploy status for api-gateway?'],
    ['assistant', 'api-gateway 2.14.1 rolled out to 3/3 regions at 09:40 UTC; error rate is flat at 0.02%.'],
    ['user', 'and the canary for billing?'],
    ['assistant', 'billing canary is at 10% and healthy. Next step is 50% at 11:00 unless someone objects.'],
  ]),
  'original key "slack_C123_1.2_user one" known to sessions.db (a metadata row, no name): title falls back to it; formats.md sanitising example',
);

session(
  'discord_998877_thread-42_bob',
  lines([
    ['user', 'Summarise the last 200 messages in #incidents'],
    ['assistant', 'Working on it: fetching the channel history now.'],
    ['user', 'still there?'],
  ]),
  'named ("Incident digest") and state running since 2026-03-25T23:59:59.250+00:00: stuck for any threshold under a day; ends on a user turn',
);

session(
  'user_Алиса',
  lines([
    ['user', 'Привет! Как сказать «спасибо» по-японски?'],
    ['assistant', 'По-японски «спасибо» — ありがとう (аригато́). Вежливее: ありがとうございます 🙏'],
    ['user', 'А по-китайски?'],
    ['assistant', '谢谢 (xièxie). 🇨🇳 Emoji with ZWJ: 👩‍💻, skin tone: 👍🏽'],
  ]),
  'unicode key (Cyrillic, kept as is by sanitising: formats.md example) and content (Cyrillic, Japanese, Chinese, emoji, ZWJ sequences)',
);

session(
  'wechat_群聊_王小明',
  lines([
    ['user', '明天上午十点的会议改到几点了？'],
    ['assistant', '改到下午两点，地点不变，在三楼的大会议室。'],
  ]),
  'CJK key kept by sanitising, Chinese content; named in sessions.db with CJK ("周会安排")',
);

session(
  'matrix_!room:example.org_carol',
  lines([
    ['user', 'remind me what we decided about the logo colours'],
    ['assistant', 'You settled on the teal (#0F766E) primary with a warm sand (#E7D8C9) background.'],
  ]),
  'original key "matrix_!room:example.org_carol" (sanitised to the stem) known through `sessions` rows only, not session_metadata',
);

session(
  'telegram_555_dave',
  lines([
    ['user', 'Translate this contract to German'],
    ['assistant', '[Session interrupted — not continuing this request]'],
    ['user', 'Try again please'],
    ['assistant', '[Task failed — not continuing this request]'],
    ['user', 'One more time, just the first paragraph'],
    ['assistant', '[Task timed out — not continuing this request]'],
    ['user', 'ok forget it'],
    ['assistant', 'No problem. Send it again whenever you like.'],
  ]),
  'the runtime\'s synthetic notices: "[Session interrupted — …]", "[Task failed — …]", "[Task timed out — …]" (turns with notice: true)',
);

session(
  'slack_C777_erin',
  lines([
    ['user', 'how much disk is left on build-01?'],
    ['assistant', '[Used tools: shell]\nbuild-01 has 41 GB free of 500 GB (92% used).'],
    ['user', 'clean the docker cache and check again'],
    [
      'assistant',
      '[Used tools: shell, file_read, shell]\n\nCleaned 120 GB of dangling images; 161 GB free now.',
    ],
    ['user', 'thanks'],
    ['assistant', '[Used tools: memory_store]'],
    ['assistant', 'Noted for next time.'],
  ]),
  'old `[Used tools: a, b]\\n` prefixes (pre-#4400): stripped from the text, kept as tool calls; one with two newlines, one with nothing after it',
);

session(
  'whatsapp_4915112345678_frank',
  lines([
    ['user', 'Wie wird das Wetter morgen in Hamburg?'],
    ['assistant', 'Morgen in Hamburg: bewölkt, 14 °C, am Nachmittag Schauer.'],
    ['user', 'Danke'],
  ]).replaceAll('\n', '\r\n'),
  'CRLF line endings on every line (Rust lines() strips the \\r)',
);

write(
  `${sanitizeKey('telegram_777_grace')}.jsonl`,
  bytes(
    '\n',
    line(['user', 'first message after a blank line']),
    '   \t  \n',
    '\r\n',
    '\u0085\u3000\n', // NEL and ideographic space: Rust's trim() takes both
    `  ${JSON.stringify({ role: 'assistant', content: 'indented, with trailing spaces' })}   \n`,
    `${JSON.stringify({ role: 'user', content: 'extra fields are ignored', id: 7, meta: { source: 'import' }, role_hint: null })}\n`,
    `${JSON.stringify({ content: 'fields in another order', role: 'assistant' })}\n`,
    '\uFEFF',
    line(['user', 'this line starts with a byte-order mark, which trim() keeps and serde rejects']),
    '\n',
    '\n',
  ),
  'blank lines (empty, spaces and tabs, a lone \\r, NEL + U+3000), padding, extra fields, fields reordered, a BOM-prefixed line (unreadable)',
);

write(
  'cli_corrupt.jsonl',
  bytes(
    line(['user', 'the first line is fine']),
    '{"role":"assistant","content":"this one was cut off in the mid\n', // truncated JSON
    Buffer.alloc(300, 0),
    line(['user', 'NUL run from a crashed append, then this record on the same line']),
    '{"role":"assistant","content":"torn stub{"role":"user","content":"glued to the stub"}\n', // glued
    '{"role":"user","content":"one"}{"role":"assistant","content":"two"}\n', // two records, one line
    '{"role":"user"}\n', // missing field
    '{"content":"no role here"}\n', // missing field
    '{"role":7,"content":"role is a number"}\n',
    '{"role":"user","content":"first","content":"duplicate content key"}\n',
    '["user","a message as a JSON array: serde reads it"]\n',
    '["user","too","many"]\n',
    '"just a string"\n',
    bytes('{"role":"user","content":"invalid UTF-8: ', Buffer.from([0xc3, 0x28]), '"}\n'),
    '{"role":"user","content":"lone surrogate \\ud800 here"}\n',
    line(['assistant', 'and the last line is fine too']),
  ),
  'corrupt lines: truncated JSON, a 300-byte NUL run glued to a record, a torn stub glued to the next record, two records on one line (`}{`), missing fields, a non-string role, a duplicate key, an array of three, a bare string, invalid UTF-8, a lone surrogate; plus a two-element array serde reads as a message',
);

session(
  'telegram_888_heidi',
  bytes(
    line(['user', 'write me a haiku about autumn']),
    line(['assistant', 'Maple leaves let go / the river carries their red / further than I can']),
    '{"role":"user","content":"another one about win',
  ),
  'torn final line: no "\\n" and not valid JSON (a crashed append)',
);

session(
  'telegram_889_ivan',
  bytes(line(['user', 'ping']), JSON.stringify({ role: 'assistant', content: 'pong' })),
  'last line complete JSON but without its "\\n" (ZeroClaw writes the JSON and the newline in two calls): readable',
);

write('empty.jsonl', '', 'an empty file: a session with no messages');

write(
  'telegram_100_old.jsonl.migrated',
  lines([
    ['user', 'an old conversation, imported into sessions.db'],
    ['assistant', 'and renamed to .jsonl.migrated by migrate_from_jsonl'],
  ]),
  'not a session: a file migrate_from_jsonl renamed after importing it (its rows are in sessions.db as telegram_100_old)',
);

write(
  'notes.v2.jsonl',
  line(['user', 'a stem with a dot: ZeroClaw lists it but load() would sanitise the dot away']),
  'not a session: no key sanitises to a stem with a dot, so ZeroClaw cannot load it by that name',
);

// ---------------------------------------------------------------------------------------------
// sessions.db

const db = new DatabaseSync(join(out, 'sessions.db'));
db.exec('PRAGMA journal_mode = WAL');
db.exec(`
  CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_key TEXT NOT NULL,
    role TEXT NOT NULL,
    content TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX idx_sessions_key ON sessions(session_key);
  CREATE INDEX idx_sessions_key_id ON sessions(session_key, id);
  CREATE TABLE session_metadata (
    session_key TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    last_activity TEXT NOT NULL,
    message_count INTEGER NOT NULL DEFAULT 0,
    name TEXT
  );
  CREATE VIRTUAL TABLE sessions_fts USING fts5(session_key, content, content=sessions, content_rowid=id);
  CREATE TRIGGER sessions_ai AFTER INSERT ON sessions BEGIN
    INSERT INTO sessions_fts(rowid, session_key, content) VALUES (new.id, new.session_key, new.content);
  END;
  CREATE TRIGGER sessions_ad AFTER DELETE ON sessions BEGIN
    INSERT INTO sessions_fts(sessions_fts, rowid, session_key, content)
    VALUES ('delete', old.id, old.session_key, old.content);
  END;
  ALTER TABLE session_metadata ADD COLUMN state TEXT NOT NULL DEFAULT 'idle';
  ALTER TABLE session_metadata ADD COLUMN turn_id TEXT;
  ALTER TABLE session_metadata ADD COLUMN turn_started_at TEXT;
`);

/** What the SQLite backend's `append` does, on this fixture's database. */
function stored(key: string, at: string, [role, content]: [string, string | Uint8Array]): void {
  appendSqliteMessage(db, key, at, role, content);
}

function metadata(key: string, row: { created: string; active: string; count: number; name?: string }): void {
  db.prepare(
    'INSERT INTO session_metadata (session_key, created_at, last_activity, message_count, name) VALUES (?, ?, ?, ?, ?)',
  ).run(key, row.created, row.active, row.count, row.name ?? null);
}

metadata('telegram_12345_alice', {
  created: '2026-03-20T09:15:02.123456789+00:00',
  active: '2026-03-20T09:21:40.5+00:00',
  count: 6,
  name: 'Lisbon weekend',
});
metadata('slack_C123_1.2_user one', {
  created: '2026-03-21T14:00:00+00:00',
  active: '2026-03-21T14:03:12.250+00:00',
  count: 4,
});
metadata('discord_998877_thread-42_bob', {
  created: '2026-03-25T23:58:00.000001+00:00',
  active: '2026-03-25T23:59:59.250+00:00',
  count: 3,
  name: 'Incident digest',
});
db.prepare(
  "UPDATE session_metadata SET state = 'running', turn_id = 'turn-7f3a', turn_started_at = ? WHERE session_key = ?",
).run('2026-03-25T23:59:59.250+00:00', 'discord_998877_thread-42_bob');
metadata('wechat_群聊_王小明', {
  created: '2026-03-22T02:00:00+08:00',
  active: '2026-03-22T02:05:00+08:00',
  count: 2,
  name: '周会安排',
});
metadata('telegram_555_dave', {
  created: '2026-03-23T08:00:00+00:00',
  active: '2026-03-23T08:30:00+00:00',
  count: 8,
});
db.prepare("UPDATE session_metadata SET state = 'error', turn_id = 'turn-0042' WHERE session_key = ?").run(
  'telegram_555_dave',
);
metadata('deleted_long_ago', {
  created: '2025-01-01T00:00:00+00:00',
  active: '2025-01-02T00:00:00+00:00',
  count: 0,
  name: 'a metadata row whose session is gone',
});

// The matrix session's original key, known only from `sessions` rows (one readable message).
stored('matrix_!room:example.org_carol', '2026-03-24T18:00:00.000000001+00:00', [
  'user',
  'hello from the gateway',
]);
db.prepare('DELETE FROM session_metadata WHERE session_key = ?').run('matrix_!room:example.org_carol');

// A gateway session that exists only in SQLite, with a key that sanitises differently.
const gateway = 'gw_web:session/7f3e';
stored(gateway, '2026-03-26T10:00:00.123456789+00:00', ['user', 'What is the capital of Australia?']);
stored(gateway, '2026-03-26T10:00:02.5+00:00', ['assistant', 'Canberra.']);
stored(gateway, '2026-03-26T10:00:09+00:00', ['user', 'And of New Zealand?']);
stored(gateway, '2026-03-26T10:00:11.75+00:00', ['assistant', 'Wellington.']);
// A BLOB content (a TEXT column would turn a number into text): rusqlite cannot read it as a String.
stored(gateway, '2026-03-26T10:00:12+00:00', ['tool', Buffer.from('{"exit":0}')]);
db.prepare('UPDATE session_metadata SET name = ? WHERE session_key = ?').run('Capitals quiz', gateway);

// What migrate_from_jsonl imported from telegram_100_old.jsonl (now .jsonl.migrated).
stored('telegram_100_old', '2026-02-01T12:00:00+00:00', [
  'user',
  'an old conversation, imported into sessions.db',
]);
stored('telegram_100_old', '2026-02-01T12:00:00+00:00', [
  'assistant',
  'and renamed to .jsonl.migrated by migrate_from_jsonl',
]);
db.close();
covers.set(
  'sessions.db',
  "ZeroClaw's SQLite backend (WAL): session_metadata rows (names, states incl. a stuck running one, an error, original keys that differ from stems, an orphan row) and `sessions` rows for two sessions that exist only there (one with a row load() skips)",
);

// ---------------------------------------------------------------------------------------------
// README

const table = [...covers].map(([name, what]) => `| \`${name}\` | ${what} |`).join('\n');
writeFileSync(
  join(out, 'README.md'),
  `# ZeroClaw fixture sessions

Generated by \`npx tsx scripts/make-zeroclaw-fixtures.ts\` (deterministic: same bytes every run); do
not edit by hand. Format: ZeroClaw's channel \`SessionStore\` (v0.6.5, formats.md §2): one
\`<sanitised key>.jsonl\` per session, one \`{"role","content"}\` message per line, and ZeroClaw's
SQLite backend in \`sessions.db\` beside them. Tests copy this folder before they touch it.

| file | covers |
|---|---|
${table}
`,
);

console.log(`wrote ${readdirSync(out).length} files to ${out}`);
