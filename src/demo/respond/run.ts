import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '#platform/log.ts';
import { LOCATION_EVERY_S, legsOf, planResponder, positionAt, totalDurationS, type LatLon } from './simulation.ts';

/** Waits `scenarioS` seconds of the story at `scale` (false when aborted meanwhile). */
export async function wait(scenarioS: number, scale: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  try {
    await sleep(Math.max(0, (scenarioS * 1000) / scale), undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

interface AlertBody {
  status: 'active' | 'closed';
  state: string;
  role: 'direct' | 'via_aed';
  victim: LatLon;
  aed: (LatLon & { hasCabinetCode: boolean }) | null;
}

/** Why a simulated responder stopped: the story ran its course, or the dispatch ended first. */
export type Outcome = 'declined' | 'ignored' | 'arrived' | 'stood_down' | 'failed';

/**
 * One simulated phone talking to the responder API (`/api/responder/*`) with its volunteer's
 * token, as the real app does: open the alert, answer, fetch the cabinet code, report "on my
 * way", share the location while walking, report "arrived" and forget the location.
 */
export class SimulatedResponder {
  constructor(
    private readonly options: { baseUrl: string; token: string; ref: string; home: LatLon; seed: number; scale: number; log: Logger; fetch?: typeof globalThis.fetch },
  ) {}

  /** `dispatchKey` names the dispatch for the plan (its order in the demo), so that the same seed replays the same story. */
  async run(dispatchId: string, dispatchKey: string, signal: AbortSignal): Promise<Outcome> {
    const { scale, log, ref } = this.options;
    const plan = planResponder(this.options.seed, ref, dispatchKey);
    const alert = await this.call<AlertBody>('GET', `/api/responder/alerts/${encodeURIComponent(dispatchId)}`, undefined, signal);
    if (!alert) return 'failed';
    if (!(await wait(plan.answerAfterS, scale, signal))) return 'stood_down';
    if (plan.answer === 'ignore') return 'ignored';
    const answered = await this.report(dispatchId, plan.answer, signal);
    if (answered !== 'ok') return answered === 'closed' ? 'stood_down' : 'failed';
    if (plan.answer === 'decline') return 'declined';
    log.debug({ ref, dispatchId, role: alert.role }, 'demo responder accepted');

    const fetchesAed = alert.role === 'via_aed' && alert.aed !== null;
    if (fetchesAed && alert.aed?.hasCabinetCode) await this.call('POST', `/api/responder/alerts/${encodeURIComponent(dispatchId)}/aed-code`, undefined, signal);
    if (!(await wait(plan.setOffAfterS, scale, signal))) return 'stood_down';
    if ((await this.report(dispatchId, 'on_way', signal)) !== 'ok') return 'stood_down';

    const legs = legsOf(this.options.home, fetchesAed ? alert.aed : null, alert.victim, plan);
    const total = totalDurationS(legs);
    for (let elapsed = 0; elapsed < total; elapsed += LOCATION_EVERY_S) {
      const here = positionAt(legs, elapsed);
      // A lost location update is no reason to stop walking (the real app would retry the next).
      await this.call('PUT', '/api/responder/location', here, signal);
      if (!(await wait(Math.min(LOCATION_EVERY_S, total - elapsed), scale, signal))) return 'stood_down';
    }
    const arrived = await this.report(dispatchId, 'arrived', signal);
    await this.call('DELETE', '/api/responder/location', undefined, signal);
    return arrived === 'ok' ? 'arrived' : 'stood_down';
  }

  private async report(dispatchId: string, action: string, signal: AbortSignal): Promise<'ok' | 'closed' | 'failed'> {
    // A busy server (429) is retried a few times: an accept must not get lost.
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await this.send('POST', `/api/responder/alerts/${encodeURIComponent(dispatchId)}/status`, { action }, signal);
      if (!response) return 'failed';
      await response.arrayBuffer().catch(() => null);
      if (response.ok) return 'ok';
      if (response.status === 409) return 'closed';
      if (response.status !== 429) return 'failed';
      if (!(await wait(5, this.options.scale, signal))) return 'closed';
    }
    return 'failed';
  }

  private async call<T>(method: string, path: string, body: unknown, signal: AbortSignal): Promise<T | null> {
    const response = await this.send(method, path, body, signal);
    if (!response) return null;
    if (!response.ok || response.status === 204) {
      await response.arrayBuffer().catch(() => null);
      return null;
    }
    return (await response.json()) as T;
  }

  private async send(method: string, path: string, body: unknown, signal: AbortSignal): Promise<Response | null> {
    const doFetch = this.options.fetch ?? globalThis.fetch;
    try {
      return await doFetch(`${this.options.baseUrl}${path}`, {
        method,
        signal,
        headers: { authorization: `Bearer ${this.options.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      if (!signal.aborted) this.options.log.warn({ err: error, ref: this.options.ref, path }, 'demo responder could not reach the server');
      return null;
    }
  }
}
