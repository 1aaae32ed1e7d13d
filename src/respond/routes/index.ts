import type { AppContext } from '#app/context.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { EventStreams } from '#platform/http/sse.ts';
import { registerAedRoutes } from './aeds.ts';
import { registerDispatchClose } from './dispatch-close.ts';
import { registerDispatchGet } from './dispatch-get.ts';
import { registerDispatchPositions } from './dispatch-positions.ts';
import { registerDispatchStart } from './dispatch-start.ts';
import { registerDispatchesList } from './dispatches-list.ts';
import { registerDispatchesStream } from './dispatches-stream.ts';
import { registerGeocodeRoute } from './geocode.ts';
import { registerResponderAlertRoutes } from './responder-alerts.ts';
import { registerResponderRoutes } from './responder.ts';
import { registerVolunteerRoutes } from './volunteers.ts';

/** The respond module's HTTP routes: control room (`dispatch:manage`) and responder app (volunteer token). See docs/respond-api.md. */
export function registerRespondRoutes(app: HttpApp, ctx: Pick<AppContext, 'respond' | 'database' | 'bus'>): void {
  const { registry, dispatches, responders, geocoder } = ctx.respond;
  const streams = new EventStreams();
  app.addHook('preClose', async () => streams.closeAll());
  registerDispatchesStream(app, { bus: ctx.bus, streams });
  registerDispatchStart(app, { dispatches, database: ctx.database });
  registerDispatchesList(app, { database: ctx.database });
  registerDispatchGet(app, { dispatches, database: ctx.database });
  registerDispatchClose(app, { dispatches, database: ctx.database });
  registerDispatchPositions(app, { database: ctx.database });
  registerVolunteerRoutes(app, { registry });
  registerAedRoutes(app, { registry });
  registerGeocodeRoute(app, { geocoder });
  registerResponderRoutes(app, { registry });
  registerResponderAlertRoutes(app, { registry, responders });
}
