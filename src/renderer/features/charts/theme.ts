/**
 * Chart colours are the theme's CSS variables themselves, handed to SVG as `var(--…)`: the browser
 * resolves them where the chart is drawn, so a change of theme (the system's, or `data-theme` on
 * <html>) recolours every chart at once, with no re-render and nothing to keep in step.
 */
export const colors = {
  text: 'var(--text)',
  muted: 'var(--muted)',
  border: 'var(--border)',
  surface: 'var(--surface)',
  accent: 'var(--accent)',
  danger: 'var(--danger)',
  ok: 'var(--ok)',
  user: 'var(--user)',
  assistant: 'var(--assistant)',
  system: 'var(--system)',
  /** Cache reads cost little: a pale share of the input colour, as the yoi usage panel draws them. */
  userPale: 'color-mix(in srgb, var(--user) 40%, var(--surface))',
} as const;

/** The colour of a turn by its role; roles of the agent's own naming share the muted one. */
export function roleColor(role: string | null): string {
  switch (role) {
    case 'user':
      return colors.user;
    case 'assistant':
      return colors.assistant;
    case 'system':
      return colors.system;
    default:
      return colors.muted;
  }
}

/** Axis lines, ticks and grid in the theme's quiet colours. */
export const axisProps = {
  stroke: colors.border,
  tick: { fill: colors.muted, fontSize: 11 },
  tickLine: false,
} as const;

export const gridProps = { stroke: colors.border, strokeDasharray: '3 3' } as const;

/** Recharts' tooltip, drawn as the app's own popovers are. */
export const tooltipProps = {
  contentStyle: {
    background: colors.surface,
    border: `1px solid ${colors.border}`,
    borderRadius: 6,
    fontSize: 12,
    color: colors.text,
    boxShadow: '0 4px 16px color-mix(in srgb, var(--text) 12%, transparent)',
  },
  labelStyle: { color: colors.text, fontWeight: 600, marginBottom: 2 },
  itemStyle: { color: colors.text, padding: 0 },
  cursor: { fill: 'color-mix(in srgb, var(--text) 6%, transparent)' },
  isAnimationActive: false,
} as const;
