import { trashRetentionDaysSchema } from '../../../shared/api';

/** Why typed text will not do as the trash's retention, or null when it will. */
export function retentionProblem(text: string): string | null {
  if (text.trim() === '') return 'Enter a number of days.';
  if (trashRetentionDaysSchema.safeParse(Number(text)).success) return null;
  return 'Enter a whole number of days from 1 to 3650.';
}
