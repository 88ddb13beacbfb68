/**
 * Rejects when `worker` dies of an uncaught error (a crash, out of memory): a Comlink call to a
 * dead worker would otherwise wait forever. Race it against the calls.
 */
export function workerStopped(worker: Worker, what: string): Promise<never> {
  const stopped = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(event.message || `${what} stopped`));
    });
  });
  stopped.catch(() => undefined);
  return stopped;
}
