import { registerAskRoutes } from '#ask/routes/index.ts';
import { registerInteractRoutes } from '#interact/routes/index.ts';
import { registerPlatformRoutes } from '#platform/http/routes/index.ts';
import { registerSendRoutes } from '#send/routes/index.ts';
import { createServer, type HttpApp } from '#platform/http/server.ts';
import { EventStreams } from '#platform/http/sse.ts';
import { registerWatchRoutes } from '#watch/routes/index.ts';
import { registerSignalRoutes } from '#watch/routes/signals/index.ts';
import { registerWatchlistAndNotificationRoutes } from '#watch/routes/watchlists/index.ts';
import { registerIncidentsModuleRoutes } from '#watch/routes/incidents/index.ts';
import { registerConnectorRoutes } from '#watch/routes/connectors/connectors.ts';
import { registerWebhookRoute } from '#watch/routes/connectors/webhook.ts';
import { registerMapRoutes } from '#watch/routes/map.ts';
import { registerPostFeedback } from '#watch/routes/post-feedback.ts';
import { registerPostReveal } from '#watch/routes/post-reveal.ts';
import type { AppContext } from './context.ts';
import { registerWebApps, webFallback } from './web.ts';
import { registerRespondRoutes } from '#respond/routes/index.ts';

/**
 * The HTTP app of a context: platform routes, each module's routes, and the web apps. It never
 * listens; `waakzaam serve` does.
 */
export async function buildApp(ctx: AppContext): Promise<HttpApp> {
  const app = await createServer({ config: ctx.config, log: ctx.log, metrics: ctx.metrics, auth: ctx.auth, fallback: webFallback(ctx.config.webDir) });
  const streams = new EventStreams();
  app.addHook('preClose', async () => streams.closeAll());

  registerPlatformRoutes(app, ctx);
  registerWatchRoutes(app, { posts: ctx.watch.posts, bus: ctx.bus, streams });
  registerConnectorRoutes(app, { connectors: ctx.watch.connectors });
  registerWebhookRoute(app, { database: ctx.database, posts: ctx.watch.posts, pseudonyms: ctx.pseudonyms, clock: ctx.clock, log: ctx.log });
  registerPostFeedback(app, { feedback: ctx.watch.feedback });
  registerPostReveal(app, { posts: ctx.watch.posts, vault: ctx.vault });
  registerMapRoutes(app, { posts: ctx.watch.posts, config: ctx.config });
  registerSignalRoutes(app, { signals: ctx.signals.signals, bus: ctx.bus, streams });
  registerWatchlistAndNotificationRoutes(app, { watchlists: ctx.signals.watchlists, notifications: ctx.signals.notifications });
  registerAskRoutes(app, ctx);
  registerIncidentsModuleRoutes(app, ctx.incidents);
  registerInteractRoutes(app, ctx.incidents);
  registerSendRoutes(app, ctx);
  registerRespondRoutes(app, ctx);
  await registerWebApps(app, ctx.config.webDir);
  return app;
}
