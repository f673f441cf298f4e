/**
 * Runs `task` one at a time: calls made while it runs make it run once more afterwards, not once
 * each, since changes on disk can come every 100 ms and only the newest answer matters.
 */
export function coalesce(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await task();
      } while (again);
    })().finally(() => (running = null));
    return running;
  };
}
