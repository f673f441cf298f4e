/**
 * A rename as a text edit: only `project_context.name` and `updated_at_ms` change, every other
 * byte stays where it was (unknown fields, key order, number spellings, indentation). Re-writing
 * the whole asset instead would reformat whatever another tool or a newer ORCS put in the file.
 * The caller must have checked the text with `parseAsset` first: this relies on a strict,
 * duplicate-free document, which is why jsonc-parser's lenient tree is safe to use here.
 */
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { Node } from 'jsonc-parser';

interface Edit {
  offset: number;
  length: number;
  content: string;
}

export function renameText(text: string, name: string | null, nowMs: bigint): string {
  const root = parseTree(text);
  const updated = root && findNodeAtLocation(root, ['updated_at_ms']);
  const context = root && findNodeAtLocation(root, ['project_context']);
  if (!updated || context?.type !== 'object') throw new Error('renameText needs a text parseAsset accepted');

  const edits: Edit[] = [
    { offset: updated.offset, length: updated.length, content: nowMs.toString() },
    nameEdit(text, context, JSON.stringify(name)),
  ];
  return edits
    .sort((a, b) => b.offset - a.offset)
    .reduce((out, e) => out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length), text);
}

function nameEdit(text: string, context: Node, quoted: string): Edit {
  const members = context.children ?? [];
  const member = (key: string): Node | undefined => members.find((m) => m.children?.[0]?.value === key);

  const existing = member('name')?.children?.[1];
  if (existing) return { offset: existing.offset, length: existing.length, content: quoted };

  // serde writes `name` right after `root_path`; without root_path it is the first field.
  const rootPath = member('root_path');
  if (rootPath) {
    const { lead, colon } = layoutOf(text, context, rootPath);
    return {
      offset: rootPath.offset + rootPath.length,
      length: 0,
      content: `,${lead}"name"${colon}${quoted}`,
    };
  }
  const first = members[0];
  if (!first) throw new Error('renameText needs a project_context with its required fields');
  const { lead, colon } = layoutOf(text, context, first);
  return { offset: first.offset, length: 0, content: `"name"${colon}${quoted},${lead}` };
}

/** The whitespace before a member and around its colon, so an inserted member looks like its neighbours. */
function layoutOf(text: string, object: Node, member: Node): { lead: string; colon: string } {
  const index = object.children?.indexOf(member) ?? 0;
  const previous = index > 0 ? object.children?.[index - 1] : undefined;
  const leadStart = previous ? text.indexOf(',', previous.offset + previous.length) + 1 : object.offset + 1;
  const key = member.children?.[0];
  const value = member.children?.[1];
  const colon = key && value ? text.slice(key.offset + key.length, value.offset) : ': ';
  return { lead: text.slice(leadStart, member.offset), colon };
}
