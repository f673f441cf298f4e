import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { idFromFileName, isSessionId, sanitizeKey } from './sanitize';
import { sessionPath } from './session-path';

describe('sanitizeKey', () => {
  it.each([
    // formats.md §2.2 / zeroclaw_api::session_keys tests
    ['slack_C123_1.2_user one', 'slack_C123_1_2_user_one'],
    ['user_Алиса', 'user_Алиса'],
    ['../tenant\\user/channel', '___tenant_user_channel'],
    ['abc-DEF_123', 'abc-DEF_123'],
    ['whatsapp_123@g.us_alice', 'whatsapp_123_g_us_alice'],
    ['', ''],
    // CJK letters are alphabetic
    ['wechat_群聊_王小明', 'wechat_群聊_王小明'],
    ['line_こんにちは', 'line_こんにちは'],
    // astral emoji: one `_` per code point, so a ZWJ sequence is three
    ['a😀b', 'a_b'],
    ['👩‍💻', '___'],
    ['🇩🇪', '__'],
    // combining marks: U+0301 is Mn and not Alphabetic → `_`; U+0902 and U+0345 are Mn but
    // Other_Alphabetic, so Rust's is_alphanumeric keeps them; U+093F is Mc and Alphabetic
    ['e\u0301', 'e_'],
    ['हिंदी', 'हिंदी'],
    ['\u03B1\u0345', '\u03B1\u0345'],
    // numerics beyond ASCII: Nd, Nl, No all count
    ['٣٤', '٣٤'],
    ['Ⅻ²', 'Ⅻ²'],
    // circled letters are So but Other_Alphabetic
    ['Ⓐ', 'Ⓐ'],
    // separators, dots, NUL, spaces of every kind
    ['a\u0000b\tc\u00A0d.e:f', 'a_b_c_d_e_f'],
  ])('%j → %j', (key, stem) => {
    expect(sanitizeKey(key)).toBe(stem);
  });

  it('is idempotent and keeps the number of code points (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (key) => {
        const once = sanitizeKey(key);
        expect(sanitizeKey(once)).toBe(once);
        expect([...once].length).toBe([...key].length);
      }),
    );
  });
});

describe('session ids', () => {
  it('admits exactly what sanitising can produce (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), (key) => {
        const stem = sanitizeKey(key);
        expect(isSessionId(stem)).toBe(!/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i.test(stem));
        if (stem !== key) expect(isSessionId(key)).toBe(false);
      }),
    );
  });

  it.each(['', '.', '..', 'a.b', 'a/b', 'a\\b', 'a b', 'a\u0000', '.jsonl', 'CON', 'lpt1', 'x'.repeat(250)])(
    'refuses %j',
    (id) => {
      expect(isSessionId(id)).toBe(false);
    },
  );

  it('maps directory entries to ids only for names ZeroClaw could load by that name', () => {
    expect(idFromFileName('telegram_1_a.jsonl')).toBe('telegram_1_a');
    expect(idFromFileName('user_Алиса.jsonl')).toBe('user_Алиса');
    expect(idFromFileName('x.jsonl.migrated')).toBeNull();
    expect(idFromFileName('sessions.db')).toBeNull();
    expect(idFromFileName('notes.v2.jsonl')).toBeNull();
    expect(idFromFileName('.jsonl')).toBeNull();
    expect(idFromFileName('.tmpAbC123')).toBeNull();
  });

  it('builds paths only inside the folder, for valid ids', () => {
    expect(sessionPath('/s', 'a_b')).toBe('/s/a_b.jsonl');
    expect(() => sessionPath('/s', '../etc/passwd')).toThrow(AppError);
    expect(() => sessionPath('/s', '')).toThrow(/not a ZeroClaw session id/);
  });
});
