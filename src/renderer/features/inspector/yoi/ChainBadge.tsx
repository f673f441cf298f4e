import { Link2, Link2Off, ShieldQuestion } from 'lucide-react';
import type { ChainStatus } from '../../../../shared/model';

/** What is known of a hash chain: checked and whole, broken at a line, or not looked at yet. */
export function ChainBadge({ chain }: { chain: ChainStatus | null }) {
  if (!chain) return null;
  switch (chain.status) {
    case 'verified':
      return (
        <span
          className="badge chain-badge ok"
          title={`Every one of ${chain.lines} lines links to the one before`}
        >
          <Link2 size={12} aria-hidden="true" /> verified
        </span>
      );
    case 'broken':
      return (
        <span className="badge chain-badge danger" title={chain.reason}>
          <Link2Off size={12} aria-hidden="true" /> broken at line {chain.line}
        </span>
      );
    default:
      return (
        <span
          className="badge chain-badge muted"
          title="The hash chain has not been verified since the file changed"
        >
          <ShieldQuestion size={12} aria-hidden="true" /> not yet checked
        </span>
      );
  }
}

/** The first characters of a hash, enough to tell entries apart at a glance. */
export function shortHash(hash: string | null): string {
  return hash ? hash.slice(0, 12) : '—';
}
