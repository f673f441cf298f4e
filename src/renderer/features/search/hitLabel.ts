import type { SearchHit } from '../../../shared/search';

/** The chip before a hit: who spoke, which tool ran, or what kind of thing the agent learned. */
export function hitLabel(hit: Pick<SearchHit, 'kind' | 'role' | 'tool'>): string {
  if (hit.kind === 'tool') return hit.tool || 'tool';
  if (hit.kind === 'message') return hit.role || 'message';
  return hit.kind;
}

/** A colour for the chip, from a fixed set: the role is the agent's free string, never a class name. */
export function hitTone(
  hit: Pick<SearchHit, 'kind' | 'role'>,
): 'user' | 'assistant' | 'tool' | 'learned' | 'other' {
  if (hit.kind === 'tool') return 'tool';
  if (hit.kind === 'fact' || hit.kind === 'preference') return 'learned';
  if (hit.kind === 'message' && (hit.role === 'user' || hit.role === 'assistant')) return hit.role;
  return 'other';
}
