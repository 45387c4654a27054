import { createHash } from 'node:crypto';

/** Hex SHA-256: secrets (tokens, sessions) are stored only as this, never in clear. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
