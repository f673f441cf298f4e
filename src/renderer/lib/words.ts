/** "1 unreadable line", "3 unreadable lines"; counts over a thousand get the locale's separators. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? singular : plural}`;
}
