import { existsSync, readFileSync } from 'node:fs';
import type { AppContext } from '#app/context.ts';
import { DEMO_ADDRESS, DEMO_AEDS, DEMO_VICTIM, DEMO_VOLUNTEERS } from './registry-data.ts';
import { SimulatedResponder, wait, type Outcome } from './run.ts';
import { arrestMoment, scaledParams } from './simulation.ts';

const ACTOR = 'demo:control-room';
/** The ambulance is on scene this long after the dispatch starts (scenario seconds; the A1 norm is 15 minutes). */
const AMBULANCE_AFTER_S = 12 * 60;

export interface RespondDemoOptions {
  /** The demo's replay speed (60 = an hour a minute); 0 or Infinity = as fast as possible. */
  speed: number;
  signal: AbortSignal;
  /** Where the server listens; the simulated phones call the responder API there. */
  baseUrl: string;
  /** The dispatch plays at most this much faster than real time, so the board can be watched (default 10). */
  maxSpeed?: number;
  /** The scenario's events file (for the moment of the cardiac arrest); default: beside the replayed file. */
  eventsFile?: string;
  /** `scenario` (default): when the replay reaches the cardiac arrest; `now`: at once (tests, rehearsals). */
  trigger?: 'scenario' | 'now';
  /** Seed of the simulated behaviour (same seed, same demo). */
  seed?: number;
  /** Close the dispatch as "ambulance on scene" after this many scenario seconds (default 12 minutes). */
  ambulanceAfterS?: number;
  fetch?: typeof globalThis.fetch;
}

export interface RespondDemo {
  /** Sign-in link path of the volunteer the presenter plays in the responder app (append to the server URL). */
  responderLink: string;
  /** Resolves with the id of the demo's dispatch once it started. */
  dispatchStarted: Promise<string>;
  /** Resolves when every simulated responder of the demo's dispatch has finished and it was closed. */
  finished: Promise<Map<string, Outcome>>;
}

/** Registers the demo's volunteers and AEDs (again: by reference) and gives every volunteer a fresh app token. */
export async function seedRespondDemo(ctx: AppContext, organisationId: string): Promise<Map<string, { id: string; token: string }>> {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const { registry } = ctx.respond;
  const tokens = new Map<string, { id: string; token: string }>();
  for (const v of DEMO_VOLUNTEERS) {
    const { volunteer } = await registry.upsertVolunteer(
      organisationId,
      { externalRef: v.ref, name: v.name, language: v.language, qualification: 'reanimatie+AED', qualifiedUntil: day(v.qualifiedDays), addresses: [{ label: v.street, lat: v.lat, lon: v.lon, windows: null }] },
      ACTOR,
    );
    tokens.set(v.ref, { id: volunteer.id, token: await registry.reissueToken(organisationId, volunteer.id, ACTOR) });
  }
  for (const a of DEMO_AEDS) {
    await registry.upsertAed(
      organisationId,
      { externalRef: a.ref, name: a.name, location: a.location, position: { lat: a.lat, lon: a.lon }, cabinetCode: a.cabinetCode, accessNotes: a.accessNotes, padsExpire: day(a.padsDays), active: a.active, ownerName: 'Demo-eigenaar (fictief)', ownerEmail: 'aed-eigenaar@demo.waakzaam.test' },
      ACTOR,
    );
  }
  return tokens;
}

function eventsFileOf(scenarioFile: string): string {
  return scenarioFile.replace(/\.jsonl$/, '.events.json');
}

/**
 * The demo's volunteer responders (issue 7): registers synthetic volunteers and AEDs around the
 * Neude, starts a dispatch from a postcode and house number when the replay reaches the cardiac
 * arrest, and lets the simulated volunteers accept or decline, walk (sharing their location) and
 * arrive through the responder API. Simulated volunteers also answer dispatches started by hand on
 * the board. Delays follow the story's clock, divided by the demo speed (at most `maxSpeed`).
 */
export async function startRespondDemo(ctx: AppContext, organisationId: string, options: RespondDemoOptions): Promise<RespondDemo> {
  const log = ctx.log.child({ component: 'respond-demo' });
  const scale = Math.max(1, Math.min(Number.isFinite(options.speed) && options.speed > 0 ? options.speed : Infinity, options.maxSpeed ?? 10));
  const seed = options.seed ?? 20260704;
  const tokens = await seedRespondDemo(ctx, organisationId);
  const byVolunteerId = new Map([...tokens].map(([ref, { id, token }]) => [id, { ref, token, data: DEMO_VOLUNTEERS.find((v) => v.ref === ref)! }]));
  const human = DEMO_VOLUNTEERS.find((v) => v.human);
  const responderLink = human ? `/citizen/hulpverlener#token=${tokens.get(human.ref)!.token}` : '/citizen/hulpverlener';

  const running = new Map<string, Promise<Outcome>[]>();
  const outcomes = new Map<string, Outcome>();
  const closers = new Map<string, AbortController>();
  const stops: (() => void)[] = [];
  const phones = new Set<string>();
  const keys = new Map<string, string>();

  // Each alert wakes the volunteer's phone, as the push notification would.
  stops.push(
    ctx.bus.listen(['dispatch.alerted'], (event) => {
      if (event.organisationId !== organisationId || options.signal.aborted) return;
      const volunteer = byVolunteerId.get(event.payload.volunteerId);
      if (!volunteer || volunteer.data.human) return;
      const { dispatchId } = event.payload;
      // The live tail is at-least-once: a repeated alert must not start a second phone.
      if (phones.has(`${dispatchId}:${volunteer.ref}`)) return;
      phones.add(`${dispatchId}:${volunteer.ref}`);
      let controller = closers.get(dispatchId);
      if (!controller) {
        controller = new AbortController();
        closers.set(dispatchId, controller);
        keys.set(dispatchId, `dispatch-${keys.size + 1}`);
      }
      const signal = AbortSignal.any([options.signal, controller.signal]);
      const phone = new SimulatedResponder({ baseUrl: options.baseUrl, token: volunteer.token, ref: volunteer.ref, home: volunteer.data, seed, scale, log, ...(options.fetch ? { fetch: options.fetch } : {}) });
      const task = phone.run(dispatchId, keys.get(dispatchId)!, signal).then(
        (outcome) => {
          outcomes.set(`${dispatchId}:${volunteer.ref}`, outcome);
          return outcome;
        },
        (error: unknown) => {
          log.warn({ err: error, ref: volunteer.ref }, 'demo responder failed');
          return 'failed' as const;
        },
      );
      running.set(dispatchId, [...(running.get(dispatchId) ?? []), task]);
    }),
  );
  // A closed dispatch stands everyone down at once (the app hears it on its next call).
  stops.push(
    ctx.bus.listen(['dispatch.closed'], (event) => {
      if (event.organisationId === organisationId) closers.get(event.payload.dispatchId)?.abort();
    }),
  );

  let resolveStarted!: (id: string) => void;
  const dispatchStarted = new Promise<string>((resolve) => (resolveStarted = resolve));
  let triggered = false;
  const startDispatch = async (): Promise<void> => {
    if (triggered) return;
    triggered = true;
    const params = scaledParams(scale);
    let dispatch;
    try {
      dispatch = await ctx.respond.dispatches.start(
        organisationId,
        { location: { postcode: DEMO_ADDRESS.postcode, houseNumber: DEMO_ADDRESS.houseNumber }, address: DEMO_ADDRESS.description, note: 'Demo: 112-melding reanimatie op de Neude (scenario 22:45)', params },
        ACTOR,
      );
    } catch (error) {
      // Without PDOK and without the demo's postcode row, the control room sends coordinates.
      log.warn({ err: error }, 'demo dispatch by postcode failed; dispatching by coordinates');
      dispatch = await ctx.respond.dispatches.start(organisationId, { location: { ...DEMO_VICTIM }, address: DEMO_ADDRESS.description, params }, ACTOR);
    }
    resolveStarted(dispatch.id);
    if (!(await wait(options.ambulanceAfterS ?? AMBULANCE_AFTER_S, scale, options.signal))) return;
    const current = await ctx.respond.dispatches.find(organisationId, dispatch.id);
    if (current.status === 'active') await ctx.respond.dispatches.close(organisationId, dispatch.id, 'ems_on_scene', ACTOR);
  };

  const started = (options.trigger ?? 'scenario') === 'now' ? startDispatch() : waitForScenario(ctx, organisationId, options, stops, startDispatch);
  // `started` settles once the dispatch has been closed (the ambulance arrived) or the demo stopped.
  const finished = started.then(async () => {
    const id = await dispatchStarted;
    // Later waves may have added phones while the first ones ran: wait until none is left.
    for (let seen = -1; seen !== (running.get(id) ?? []).length; ) {
      seen = (running.get(id) ?? []).length;
      await Promise.all(running.get(id) ?? []);
    }
    return new Map([...outcomes].filter(([key]) => key.startsWith(`${id}:`)).map(([key, value]) => [key.slice(id.length + 1), value]));
  });
  finished.catch((error: unknown) => log.warn({ err: error }, 'respond demo stopped'));
  options.signal.addEventListener('abort', () => {
    for (const stop of stops) stop();
  });
  return { responderLink, dispatchStarted, finished };
}

/** Starts the dispatch when the pipeline has analysed the first post at or after the arrest's first official report. */
function waitForScenario(ctx: AppContext, organisationId: string, options: RespondDemoOptions, stops: (() => void)[], start: () => Promise<void>): Promise<void> {
  const file = options.eventsFile ?? eventsFileOf(ctx.config.demo.scenarioFile);
  const at = existsSync(file) ? arrestMoment(JSON.parse(readFileSync(file, 'utf8'))) : null;
  if (!at) {
    ctx.log.warn({ file }, 'respond demo: no cardiac arrest in the scenario; no dispatch is started automatically');
    return new Promise(() => undefined);
  }
  return new Promise((resolve, reject) => {
    const stop = ctx.bus.listen(['posts.analysed'], (event) => {
      if (event.organisationId !== organisationId || !event.payload.posts.some((post) => post.createdAt >= at)) return;
      stop();
      start().then(resolve, reject);
    });
    stops.push(stop);
  });
}
