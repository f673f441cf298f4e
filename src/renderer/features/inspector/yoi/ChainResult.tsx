import { CheckCircle2, XCircle } from 'lucide-react';
import type { SessionSummary } from '../../../../shared/model';
import { counted } from '../../../lib/words';
import { sameRef } from '../../../store/sessionSlice';
import { useAppStore } from '../../../store/store';
import { shortHash } from './ChainBadge';

/** The answer of the last "Verify chain" for the open session, in plain words. */
export function ChainResult({ summary }: { summary: SessionSummary }) {
  const result = useAppStore((state) => state.chainReport);
  if (!result || !sameRef(result.ref, summary.ref)) return null;
  const { report } = result;
  if (report.ok) {
    return (
      <p className="notice chain-result ok" role="status" aria-label="Chain verification">
        <CheckCircle2 size={14} aria-hidden="true" />
        <span>
          Chain verified: {counted(report.lines, 'line')}, head{' '}
          <code title={report.headHash ?? undefined}>{shortHash(report.headHash)}</code>
        </span>
      </p>
    );
  }
  return (
    <p className="notice danger chain-result" role="alert" aria-label="Chain verification">
      <XCircle size={14} aria-hidden="true" />
      <span>
        Chain broken at line {report.firstBadLine ?? '?'}
        {report.reason && <>: {report.reason}</>} · {counted(report.lines, 'line')} read
        {report.headHash && (
          <>
            , head <code title={report.headHash}>{shortHash(report.headHash)}</code>
          </>
        )}
      </span>
    </p>
  );
}
