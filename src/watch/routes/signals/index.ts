import type { EventBus } from '#platform/bus/bus.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { EventStreams } from '#platform/http/sse.ts';
import type { SignalService } from '../../detect/signal-service.ts';
import { registerSignalGet } from './signal-get.ts';
import { registerSignalReview } from './signal-review.ts';
import { registerSignalsList } from './signals-list.ts';
import { registerSignalsStream } from './signals-stream.ts';

/** The weak-signal routes (SPEC W5). The stream is registered before `:id` so that it is not taken for an id. */
export function registerSignalRoutes(app: HttpApp, deps: { signals: SignalService; bus: EventBus; streams: EventStreams }): void {
  registerSignalsList(app, deps);
  registerSignalsStream(app, deps);
  registerSignalGet(app, deps);
  registerSignalReview(app, deps);
}
