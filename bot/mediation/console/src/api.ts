import type { CaseDetail as ServerCaseDetail, NoteView, QueueItem as ServerQueueItem } from '../../../data/caseStore.ts';
import type { AuditRow } from '../../../data/audit.ts';
import type { CaseHistoryItem } from '../../../data/caseStore.ts';
import type { CaseAlternative } from '../../routes.ts';

/** The console's only way to the server: same-origin fetch with the session cookie and the CSRF header. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> | undefined,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

export function setCsrf(token: string | null): void {
  csrfToken = token;
}

export async function api<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => null)) as { error?: { code: string; message: string; details?: Record<string, unknown> } } | null;
  if (!response.ok) {
    throw new ApiError(response.status, json?.error?.code ?? 'error', json?.error?.message ?? response.statusText, json?.error?.details);
  }
  return json as T;
}

export interface Me {
  mediator: { id: string; tenantId: string; email: string | null; name: string; role: 'mediator' | 'admin' };
  csrfToken: string | null;
}


// The API's shapes come from the server's own types (type-only: nothing of the server is bundled).
export type QueueItem = ServerQueueItem;
export type Note = NoteView;
export type AuditItem = AuditRow;
export type CaseDetail = Omit<ServerCaseDetail, 'request' | 'transcript' | 'outcome'> & {
  request: Record<string, unknown> & { patient?: Record<string, unknown>; consent?: Record<string, unknown> };
  transcript: { from?: string; text?: string; at?: string }[] | null;
  outcome: Outcome | null;
  alternatives: CaseAlternative[];
  history: (CaseHistoryItem & { actorName: string | null; toName: string | null })[];
};

export type Alternative = CaseAlternative;

export interface Colleague {
  id: string;
  name: string;
  role: 'mediator' | 'admin';
}

/** A GET that also answers the server's clock (the Date header), so the live queue asks "changed since" in server time. */
export async function getWithDate<T>(path: string): Promise<{ body: T; date: Date | null }> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  const json = (await response.json().catch(() => null)) as (T & { error?: { code: string; message: string; details?: Record<string, unknown> } }) | null;
  if (!response.ok || json === null) {
    throw new ApiError(response.status, json?.error?.code ?? 'error', json?.error?.message ?? response.statusText, json?.error?.details);
  }
  const header = response.headers.get('date');
  const date = header ? new Date(header) : null;
  return { body: json, date: date && !Number.isNaN(date.getTime()) ? date : null };
}

/** An outcome as the console's form builds it (the server validates the stricter shape). */
export interface Outcome {
  kind: 'faster_place_found' | 'no_faster_option' | 'patient_declined' | 'not_reachable';
  provider?: string;
  location?: string;
  date?: string;
  originalDate?: string;
}




let specialismNames: Promise<Map<string, { nl: string; en: string }>> | null = null;

/** Specialism names by code, fetched once; an empty map if the list cannot be had (codes still show). */
export function specialisms(): Promise<Map<string, { nl: string; en: string }>> {
  specialismNames ??= api<{ specialisms: { code: string; nameNl: string; nameEn: string }[] }>('GET', '/api/specialisms')
    .then((r) => new Map(r.specialisms.map((s) => [s.code, { nl: s.nameNl, en: s.nameEn }])))
    .catch(() => new Map());
  return specialismNames;
}
