/** What the ZeroClaw inspector shows beside the conversation (formats.md §2). */
export interface ZeroclawPanels {
  format: 'zeroclaw';
  /** The file stem: ZeroClaw's sanitised key. */
  stem: string;
  /** The original session key, where sessions.db knows it. */
  key: string | null;
  /** jsonl: a <stem>.jsonl file; sqlite: rows of sessions.db (ZeroClaw's SQLite backend). */
  storage: 'jsonl' | 'sqlite';
  messageCount: number;
  unreadableLines: number;
  createdAt: string | null;
  lastActivity: string | null;
  /** The session_metadata row, when sessions.db has one. */
  metadataRow: Record<string, string | number | null> | null;
}
