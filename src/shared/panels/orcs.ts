/** What the ORCS inspector shows beside the conversation (formats.md §1.3). */

export interface OrcsLearnedFact {
  key: string;
  value: string;
  source: string;
  confidence: number;
  learnedAt: string | null;
}

export interface OrcsContextInjection {
  id: string;
  timing: string;
  content: string;
}

export interface OrcsProjectContext {
  rootPath: string | null;
  name: string | null;
  technologies: string[];
  keyFiles: string[];
  architectureNotes: string[];
  learnedFacts: OrcsLearnedFact[];
  persistentContexts: OrcsContextInjection[];
}

export interface OrcsPreferences {
  codingStyle: {
    preferredLanguages: string[];
    indent: string | null;
    indentSize: number | null;
    namingConvention: string | null;
    commentStyle: string | null;
  };
  communication: {
    verbosity: string | null;
    language: string | null;
    formality: string | null;
    includeExamples: boolean;
  };
  frequentTools: string[];
  custom: Record<string, unknown>;
}

/** Each TriggerCondition variant, plus any variant a newer ORCS adds, kept raw. */
export type OrcsTrigger =
  | { kind: 'OnFileEdit'; glob: string }
  | { kind: 'OnLLMPreRequest' }
  | { kind: 'OnLLMPostResponse' }
  | { kind: 'OnEvent'; eventKind: string }
  | { kind: 'Interval'; seconds: number }
  | { kind: 'unknown'; raw: unknown };

export interface OrcsSkillConfig {
  key: string;
  skillId: string;
  enabled: boolean;
  autoTrigger: { enabled: boolean; triggers: OrcsTrigger[] };
  params: Record<string, unknown>;
}

export interface OrcsComponentSnapshot {
  key: string;
  componentFqn: string;
  version: number;
  state: unknown;
  metadata: Record<string, unknown>;
}

export interface OrcsGrant {
  pattern: string;
  kind: string;
}

export interface OrcsPanels {
  format: 'orcs';
  sessionId: string;
  version: number;
  maxTurns: number;
  metadata: Record<string, unknown>;
  /** ORCS's LocalFileStore is offline-only, so every session is LocalOnly. */
  syncState: 'LocalOnly';
  preferences: OrcsPreferences;
  projectContext: OrcsProjectContext;
  skillConfigs: OrcsSkillConfig[];
  componentSnapshots: OrcsComponentSnapshot[];
  grantedCommands: OrcsGrant[];
}
