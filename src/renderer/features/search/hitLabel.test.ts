import { describe, expect, it } from 'vitest';
import { hitLabel, hitTone } from './hitLabel';

describe('hitLabel and hitTone', () => {
  it.each([
    [{ kind: 'message', role: 'user', tool: null }, 'user', 'user'],
    [{ kind: 'message', role: 'assistant', tool: null }, 'assistant', 'assistant'],
    [{ kind: 'message', role: 'x" onload="y', tool: null }, 'x" onload="y', 'other'],
    [{ kind: 'tool', role: 'assistant', tool: 'bash' }, 'bash', 'tool'],
    [{ kind: 'tool', role: null, tool: null }, 'tool', 'tool'],
    [{ kind: 'fact', role: null, tool: null }, 'fact', 'learned'],
    [{ kind: 'preference', role: null, tool: null }, 'preference', 'learned'],
    [{ kind: 'session', role: null, tool: null }, 'session', 'other'],
  ] as const)('%o reads %s, toned %s', (hit, label, tone) => {
    expect(hitLabel(hit)).toBe(label);
    expect(hitTone(hit)).toBe(tone);
  });
});
