import type { UnreadableLine } from '../../shared/model';

/**
 * Lines of a session file as they are on disk. The text is the agent's (or a corrupting
 * process's) and is never interpreted: it goes into a <pre> as plain text.
 */
export function RawLines({ lines, label }: { lines: UnreadableLine[]; label: string }) {
  return (
    <ol className="raw-lines" aria-label={label}>
      {lines.map((line) => (
        <li className="raw-line" key={line.byteOffset}>
          <div className="raw-line-head">
            <span className="raw-line-number">Line {line.lineNumber.toLocaleString()}</span>
            <span className="raw-line-reason">{line.reason}</span>
            <span className="raw-line-offset">byte {line.byteOffset.toLocaleString()}</span>
          </div>
          {line.preview.trim() === '' ? (
            <p className="raw-line-blank">{line.preview === '' ? 'empty line' : 'only whitespace'}</p>
          ) : (
            <pre className="raw-line-text">{line.preview}</pre>
          )}
        </li>
      ))}
    </ol>
  );
}
