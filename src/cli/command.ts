import type { CommandOptions, OptionName } from './args';
import type { Context } from './context';

export interface Operand {
  name: string;
  /** May be left off; only operands after every required one can be. */
  optional?: true;
  /** The only words it takes, checked as a usage error before the command runs. */
  choices?: readonly string[];
  /** Takes every remaining word, one or more; only the last operand can. */
  repeats?: true;
}

export interface Command {
  name: string;
  /** Shown in help; a command takes every required operand and at most the optional ones. */
  operands: readonly Operand[];
  /** The options of this command; any other command refuses them. */
  options?: Partial<Record<OptionName, 'required' | 'optional'>>;
  summary: string;
  run(context: Context, operands: string[], options: CommandOptions): Promise<void>;
}

/** JSON output is one document per command, newline-terminated for line-based tools. */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
