import { pathLanguage } from '../../components/codeLanguage';

/** A tool's string argument or result, as a code block shows it. */
export interface ToolText {
  text: string;
  language: string | null;
}

/** Argument names tools give the file they read or write. */
const pathKeys = ['path', 'file_path', 'filePath', 'file', 'filename', 'target_file'];

/**
 * How a string a tool took or gave reads best: JSON (an object or array) pretty-printed and
 * highlighted as JSON; otherwise in the language of the file the call names, if it names one
 * with a known extension; otherwise plain.
 */
export function toolText(value: string, args: unknown): ToolText {
  const json = prettyJson(value);
  if (json !== null) return { text: json, language: 'json' };
  return { text: value, language: fileLanguage(args) };
}

function prettyJson(value: string): string | null {
  const trimmed = value.trim();
  if (!/^[[{]/.test(trimmed)) return null;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return null;
  }
}

function fileLanguage(args: unknown): string | null {
  if (args === null || typeof args !== 'object' || Array.isArray(args)) return null;
  for (const key of pathKeys) {
    const path = (args as Record<string, unknown>)[key];
    if (typeof path === 'string') return pathLanguage(path);
  }
  return null;
}
