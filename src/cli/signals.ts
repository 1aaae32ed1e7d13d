/**
 * An AbortSignal that fires on the first SIGINT or SIGTERM; a second one exits at once (for a
 * shutdown that hangs).
 */
export function shutdownSignal(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      process.stderr.write(`\nwaakzaam: second ${signal}, exiting now\n`);
      process.exit(130);
    }
    process.stderr.write(`\nwaakzaam: ${signal} received, shutting down…\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return controller.signal;
}

export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
