import type { Logger } from './logger.ts';

interface ProcessLike {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

function describe(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error) return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { name: typeof error, message: String(error) };
}

/**
 * The last line of defence: an error nobody caught is logged loudly (level fatal, with its stack)
 * and the server keeps serving. Every request path already ends in a 4xx/5xx of its own; an error
 * that still escapes is a bug to fix, not a reason to let one hostile request end every patient's
 * conversation. Returns how many errors were caught, for the health of tests and operators.
 */
export function installProcessGuard(logger: Logger, proc: ProcessLike = process): { caught(): number } {
  let caught = 0;
  proc.on('uncaughtException', (error) => {
    caught += 1;
    logger.fatal({ err: describe(error), caught }, 'uncaught exception: kept serving; this is a bug, please report it');
  });
  proc.on('unhandledRejection', (reason) => {
    caught += 1;
    logger.fatal({ err: describe(reason), caught }, 'unhandled promise rejection: kept serving; this is a bug, please report it');
  });
  return { caught: () => caught };
}
