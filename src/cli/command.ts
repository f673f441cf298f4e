import type { Context } from './context';

export interface Command {
  name: string;
  /** Operand names, shown in help; a command takes exactly these. */
  operands: readonly string[];
  summary: string;
  run(context: Context, operands: string[]): Promise<void>;
}

/** JSON output is one document per command, newline-terminated for line-based tools. */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
