import type { OrcsTrigger } from '../../../../shared/panels/orcs';

/**
 * A trigger as a sentence in three parts, so the part the session chose (a glob, an event name)
 * can be set in code type while the whole still reads, and tests, as one plain sentence.
 */
export interface TriggerWords {
  lead: string;
  code: string | null;
  tail: string;
}

export function triggerWords(trigger: OrcsTrigger): TriggerWords {
  switch (trigger.kind) {
    case 'OnFileEdit':
      return { lead: 'When a file matching ', code: trigger.glob, tail: ' is edited' };
    case 'OnLLMPreRequest':
      return { lead: 'Before each LLM request', code: null, tail: '' };
    case 'OnLLMPostResponse':
      return { lead: 'After each LLM response', code: null, tail: '' };
    case 'OnEvent':
      return { lead: 'When the event ', code: trigger.eventKind, tail: ' fires' };
    case 'Interval':
      return { lead: `Every ${intervalWords(trigger.seconds)}`, code: null, tail: '' };
    case 'unknown':
      return { lead: 'Unknown trigger', code: null, tail: '' };
  }
}

export function triggerSentence(trigger: OrcsTrigger): string {
  const { lead, code, tail } = triggerWords(trigger);
  return `${lead}${code ?? ''}${tail}`;
}

const units: [singular: string, seconds: number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/**
 * Intervals read the way people set them: under two minutes in seconds ("60 seconds", as the
 * file says), then the largest unit that measures the interval exactly with a count of at least
 * two ("5 minutes", "24 hours"), and odd intervals spelt out in parts, since "3661 seconds" is
 * not something a person can picture.
 */
export function intervalWords(seconds: number): string {
  if (!Number.isSafeInteger(seconds) || seconds <= 0) return plural(seconds, 'second');
  if (seconds === 1) return 'second';
  if (seconds < 120) return plural(seconds, 'second');
  for (const [unit, size] of units.slice(0, -1)) {
    if (seconds % size === 0 && seconds / size >= 2) return plural(seconds / size, unit);
  }
  const parts: string[] = [];
  let rest = seconds;
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(plural(count, unit));
  }
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function plural(count: number, unit: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? unit : `${unit}s`}`;
}
