import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, independent of the working directory the process was started in. */
export const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export const defaultDatabaseUrl = 'file:./data/wachtwijzer.db';

/** The two databases the product runs on: SQLite embedded (one machine), PostgreSQL for several instances. */
export type DatabaseKind = 'sqlite' | 'postgresql';

/** Which database a Prisma-style URL names; throws a message that says what is accepted. */
export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error(
    `DATABASE_URL must be a SQLite file URL such as file:./data/wachtwijzer.db or a PostgreSQL URL such as postgresql://user@host:5432/db (got "${redactUrl(url)}")`,
  );
}

/** A database URL fit for logs and error messages: the password is never shown. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

/**
 * Turns a Prisma-style SQLite URL (`file:./x.db`, `file:/abs/x.db`) into an absolute file path.
 * Relative paths are taken from the project root, so `npm start` works from any directory.
 */
export function sqliteFilePath(url: string): string {
  if (!url.startsWith('file:')) {
    throw new Error(`DATABASE_URL must be a SQLite file URL such as file:./data/wachtwijzer.db (got "${redactUrl(url)}")`);
  }
  const path = url.slice('file:'.length).split('?')[0] ?? '';
  if (path === '') throw new Error('DATABASE_URL names no file');
  return isAbsolute(path) ? path : resolve(projectRoot, path);
}
