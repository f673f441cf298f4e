/** The human message of anything thrown across the client; codes stay on AppError for callers. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
