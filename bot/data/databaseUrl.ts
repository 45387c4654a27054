import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, independent of the working directory the process was started in. */
export const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export const defaultDatabaseUrl = 'file:./data/wachtwijzer.db';

/**
 * Turns a Prisma-style SQLite URL (`file:./x.db`, `file:/abs/x.db`) into an absolute file path.
 * Relative paths are taken from the project root, so `npm start` works from any directory.
 */
export function sqliteFilePath(url: string): string {
  if (!url.startsWith('file:')) {
    throw new Error(`DATABASE_URL must be a SQLite file URL such as file:./data/wachtwijzer.db (got "${url}")`);
  }
  const path = url.slice('file:'.length).split('?')[0] ?? '';
  if (path === '') throw new Error('DATABASE_URL names no file');
  return isAbsolute(path) ? path : resolve(projectRoot, path);
}
