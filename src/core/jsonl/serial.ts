/**
 * One write at a time per file within this process. Other processes (the agent itself) cannot be
 * coordinated through this, which is why every write here is also safe against them; it only
 * keeps two of our own rewrites from racing each other over the same file.
 */
const queues = new Map<string, Promise<unknown>>();

export async function serialized<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(run);
  queues.set(key, next);
  try {
    return await next;
  } finally {
    if (queues.get(key) === next) queues.delete(key);
  }
}
