import { ApiError, NetworkError } from '../../ui/api.ts';
import { isRecord, parseProblem } from '../../ui/api-parse.ts';
import type { TipRequest } from './tip-form.ts';

/*
 * The citizen app's calls to the public ask API: a published appeal, and sending a tip (JSON
 * without photos, multipart with them). No cookie is sent (credentials: omit) — a tip needs no
 * account, and anonymous must mean anonymous.
 */

export type AppealKind = 'suspect' | 'vehicle' | 'missing_person' | 'witness_call';
export type AppealOutcome = 'found' | 'arrested' | 'resolved' | 'not_found' | 'withdrawn';
export type PublicArea = { type: 'circle'; center: { lat: number; lon: number }; radiusM: number } | { type: 'polygon'; coordinates: [number, number][][] };

/** A published appeal as GET /api/public/appeals/:id answers it (publicAppealSchema). */
export interface PublicAppeal {
  id: string;
  organisationId: string;
  kind: AppealKind;
  status: 'active' | 'closed';
  title: string;
  description: string;
  area: PublicArea;
  responseInstructions: string;
  publishedAt: string | null;
  endsAt: string | null;
  closedAt: string | null;
  outcome: AppealOutcome | null;
  outcomeText: string | null;
  photoUrls: string[];
}

export interface TipReceipt {
  tipId: string;
  receivedAt: string;
  photoIds: string[];
}

export async function fetchPublicAppeal(id: string, signal?: AbortSignal): Promise<PublicAppeal> {
  let response: Response;
  try {
    response = await fetch(`/api/public/appeals/${encodeURIComponent(id)}`, { credentials: 'omit', headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error instanceof Error ? error.message : 'network error');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, parseProblem(body, response.status));
  if (!isRecord(body) || typeof body.id !== 'string' || typeof body.title !== 'string') throw new ApiError(response.status, null);
  return body as unknown as PublicAppeal;
}

function receiptOf(status: number, text: string): TipReceipt {
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: a proxy's error page. Handled below as a failure without a problem.
  }
  if (status < 200 || status >= 300) throw new ApiError(status, parseProblem(body, status));
  if (!isRecord(body) || typeof body.tipId !== 'string') throw new ApiError(status, null);
  return { tipId: body.tipId, receivedAt: String(body.receivedAt), photoIds: Array.isArray(body.photoIds) ? body.photoIds.map(String) : [] };
}

/**
 * Sends a tip. With photos it goes as multipart/form-data (field `tip` = the JSON, files
 * `photo`) through XMLHttpRequest, because fetch cannot report upload progress; `onProgress`
 * gets the fraction sent (0–1).
 */
export function sendTip(request: TipRequest, photos: readonly File[], onProgress: (fraction: number) => void): Promise<TipReceipt> {
  if (photos.length === 0) {
    onProgress(0);
    return fetch('/api/public/tips', { method: 'POST', credentials: 'omit', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(request) }).then(
      async (response) => {
        onProgress(1);
        return receiptOf(response.status, await response.text());
      },
      (error: unknown) => {
        throw new NetworkError(error instanceof Error ? error.message : 'network error');
      },
    );
  }
  const form = new FormData();
  form.append('tip', JSON.stringify(request));
  for (const photo of photos) form.append('photo', photo, photo.name || 'foto.jpg');
  return new Promise<TipReceipt>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/public/tips/upload');
    xhr.withCredentials = false;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      try {
        resolve(receiptOf(xhr.status, xhr.responseText));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    xhr.addEventListener('error', () => reject(new NetworkError('the upload did not reach the server')));
    xhr.addEventListener('abort', () => reject(new NetworkError('the upload was stopped')));
    xhr.send(form);
  });
}
