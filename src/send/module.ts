import type { Clock } from '#core/clock.ts';
import type { AccountService } from '#platform/accounts/account-service.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Config } from '#platform/config.ts';
import type { Database } from '#platform/db/database.ts';
import type { JobRunner } from '#platform/jobs/job-runner.ts';
import type { Logger } from '#platform/log.ts';
import { Mailer } from '#platform/mail/mailer.ts';
import type { Channel, ChannelKind } from './channels/channel.ts';
import { createChannels } from './channels/registry.ts';
import { loadVapidKeys } from './channels/vapid-keys.ts';
import { DeliveryService } from './delivery/delivery-service.ts';
import { DeliveryWorker } from './delivery/delivery-worker.ts';
import { ResponderPush } from './delivery/responder-push.ts';
import { DeliveryExpander } from './delivery/expander.ts';
import { AppealConsumer } from './messages/appeal-consumer.ts';
import { MessageService, PUBLISH_JOB } from './messages/message-service.ts';
import { TemplateService } from './messages/template-service.ts';
import { CONFIRMATION_JOB, SubscriptionService } from './subscriptions/subscription-service.ts';
import { loadSubscriptionKey, SubscriptionTokens } from './subscriptions/tokens.ts';
import { CapStore } from './public/cap-store.ts';
import { PublicationService } from './public/publication-service.ts';
import { capSender } from './public/public-urls.ts';
import { bundledMunicipalities, type Municipalities } from './targeting/municipalities.ts';

export interface SendModuleDeps {
  config: Config;
  database: Database;
  bus: EventBus;
  audit: AuditLog;
  jobs: JobRunner;
  clock: Clock;
  log: Logger;
  accounts: AccountService;
  /** Channels to use instead of those the configuration sets up (tests pass recording channels). */
  channels?: ReadonlyMap<ChannelKind, Channel>;
  municipalities?: Municipalities;
}

/** The send module's services and its worker parts. */
export interface SendModule {
  channels: ReadonlyMap<ChannelKind, Channel>;
  municipalities: Municipalities;
  messages: MessageService;
  templates: TemplateService;
  subscriptions: SubscriptionService;
  /** CAP documents, the CAP index and the feeds that anyone may read. */
  publication: PublicationService;
  /** Where the CAP channel keeps what it published. */
  capStore: CapStore;
  delivery: { status: DeliveryService; expander: DeliveryExpander; worker: DeliveryWorker };
  /** Worker role: the expansion consumer and the jobs (register before the bus starts). */
  registerWorkers(): void;
  /** Worker role: starts handing deliveries to channels (after the bus started). */
  startWorkers(): void;
  close(): Promise<void>;
}

/** Builds the send module (SPEC S1–S5) in dependency order: one entry point for the composition root. */
export async function createSendModule(deps: SendModuleDeps): Promise<SendModule> {
  const { config, database, bus, audit, jobs, clock, log } = deps;
  const municipalities = deps.municipalities ?? bundledMunicipalities();
  const mailer = config.mail.smtpUrl ? new Mailer({ url: config.mail.smtpUrl, from: config.mail.from ?? 'Waakzaam <noreply@localhost>' }) : null;
  const tokens = new SubscriptionTokens(await loadSubscriptionKey(database));
  const vapid = await loadVapidKeys(database, config.send.vapid, config.mail.from ? `mailto:${/<([^>]+)>/.exec(config.mail.from)?.[1] ?? config.mail.from}` : undefined);
  const capStore = new CapStore({ database });
  const channels =
    deps.channels ??
    createChannels({
      send: config.send,
      mailer,
      vapid,
      cap: { sender: capSender(config.publicUrl), publish: (message, identifier) => capStore.publish(message, identifier) },
      webhook: { allowHttp: config.send.webhookAllowHttp },
    });
  const organisationName = async (id: string) => (await deps.accounts.findOrganisation(id))?.name ?? 'Waakzaam';
  const messages = new MessageService({ database, bus, audit, jobs, clock, channels, municipalities, publicUrl: config.publicUrl, organisationName });
  const publication = new PublicationService({
    database,
    capStore,
    publicUrl: config.publicUrl,
    organisationName: async (id) => (await deps.accounts.findOrganisation(id))?.name ?? null,
    outgoingContext: (message) => messages.outgoingContext(message),
    vapidPublicKey: channels.has('webpush') ? vapid.publicKey : null,
  });
  const templates = new TemplateService({ database, audit, clock });
  const subscriptions = new SubscriptionService({ database, clock, log: log.child({ component: 'subscriptions' }), jobs, tokens, municipalities, mailer, publicUrl: config.publicUrl });
  const worker = new DeliveryWorker({ database, clock, log: log.child({ component: 'delivery' }), channels, messages, subscriptions });
  const expander = new DeliveryExpander({ database, bus, clock, log: log.child({ component: 'delivery' }), channels, subscriptions, onQueued: () => worker.wake() });
  let registered = false;
  return {
    channels,
    municipalities,
    messages,
    templates,
    subscriptions,
    publication,
    capStore,
    delivery: { status: new DeliveryService({ database }), expander, worker },
    registerWorkers: () => {
      if (registered) return;
      registered = true;
      expander.register();
      new AppealConsumer({ bus, messages, channels: new Set(channels.keys()), log: log.child({ component: 'appeals' }) }).register();
      const push = channels.get('webpush');
      if (push) new ResponderPush({ database, bus, clock, log: log.child({ component: 'responder-push' }), channel: push, publicUrl: config.publicUrl }).register();
      jobs.register<{ messageId: string }>(PUBLISH_JOB, (job) => messages.publishScheduled(job.payload.messageId));
      jobs.register<{ subscriptionId: string }>(CONFIRMATION_JOB, (job) => subscriptions.sendConfirmation(job.payload.subscriptionId));
    },
    startWorkers: () => worker.start(),
    close: async () => {
      await worker.close();
      mailer?.close();
    },
  };
}
