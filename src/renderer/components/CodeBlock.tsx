import { Highlight } from 'prism-react-renderer';
import type { PrismTheme } from 'prism-react-renderer';
import { Highlighted } from '../features/search/Highlighted';
import { termMarks } from '../features/find/termMarks';
import { languageLabel } from './codeLanguage';
import { CopyButton } from './CopyButton';
import './code.css';

/**
 * No colours of its own: tokens keep only their class names ("token keyword"), and code.css
 * colours them from variables that follow the light and dark themes.
 */
const classesOnly: PrismTheme = { plain: {}, styles: [] };

interface Props {
  code: string;
  /** A grammar codeLanguage.ts allows; null shows the code as plain text. */
  language: string | null;
  /** Terms of the find to mark. */
  marks?: readonly string[];
}

/** A block of code, highlighted as React elements (prism-react-renderer's tokens), with a copy button. */
export function CodeBlock({ code, language, marks = [] }: Props) {
  const text = code.endsWith('\n') ? code.slice(0, -1) : code;
  const name = language ? languageLabel(language) : 'Plain text';
  return (
    <figure className="code-block" aria-label={`${name} code`}>
      <figcaption className="code-block-bar">
        <span className="code-block-language">{name}</span>
        <CopyButton text={text} label="Copy code" />
      </figcaption>
      {language ? (
        <Highlight code={text} language={language} theme={classesOnly}>
          {({ tokens, getLineProps, getTokenProps }) => (
            <pre className={`code-block-pre language-${language}`}>
              <code>
                {tokens.map((line, row) => (
                  <span key={row} {...getLineProps({ line })}>
                    {line.map((token, column) => {
                      const { children, ...tokenProps } = getTokenProps({ token });
                      return (
                        <span key={column} {...tokenProps}>
                          <Marked text={children} marks={marks} />
                        </span>
                      );
                    })}
                    {row < tokens.length - 1 ? '\n' : null}
                  </span>
                ))}
              </code>
            </pre>
          )}
        </Highlight>
      ) : (
        <pre className="code-block-pre">
          <code>
            <Marked text={text} marks={marks} />
          </code>
        </pre>
      )}
    </figure>
  );
}

function Marked({ text, marks }: { text: string; marks: readonly string[] }) {
  if (marks.length === 0) return text;
  return <Highlighted snippet={{ text, marks: termMarks(text, marks) }} />;
}
