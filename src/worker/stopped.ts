/** A worker died of an uncaught error (a crash, out of memory); detail: the browser's message, when it gave one. */
export class WorkerStoppedError extends Error {
  override name = 'WorkerStoppedError';
  constructor(readonly detail: string | null) {
    super(detail ?? 'the worker stopped');
  }
}

/**
 * Rejects with a WorkerStoppedError when `worker` dies: a Comlink call to a dead worker would
 * otherwise wait forever. Race it against the calls.
 */
export function workerStopped(worker: Worker): Promise<never> {
  const stopped = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new WorkerStoppedError(event.message || null));
    });
  });
  stopped.catch(() => undefined);
  return stopped;
}
