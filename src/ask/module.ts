import type { Clock } from '#core/clock.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Database } from '#platform/db/database.ts';
import type { Logger } from '#platform/log.ts';
import type { ClassifierRegistry } from '#watch/pipeline/classifiers.ts';
import { BusAppealPublisher, type AppealPublisher } from './appeals/appeal-publisher.ts';
import { AppealService } from './appeals/appeal-service.ts';
import { TipIntake } from './intake/tip-intake.ts';
import { MediaFiles } from './media/media-files.ts';
import { MediaProcessor } from './media/media-processor.ts';
import { TipService } from './tip-service.ts';
import { TriageConsumer } from './triage-consumer.ts';

/** The ask module (SPEC A1–A3): appeals, tip intake, triage and photo processing. */
export interface AskModule {
  files: MediaFiles;
  intake: TipIntake;
  tips: TipService;
  appeals: AppealService;
  triage: TriageConsumer;
  media: MediaProcessor;
  /** Registers the module's bus consumers (the worker role), before the bus starts. */
  register(): void;
}

export interface AskDeps {
  mediaDir: string;
  database: Database;
  bus: EventBus;
  audit: AuditLog;
  clock: Clock;
  log: Logger;
  classifiers: ClassifierRegistry;
  /** Defaults to the bus-backed publisher (`appeal.publish_requested`) until the send module provides one. */
  publisher?: AppealPublisher;
}

/** Builds the module; prepares the media directory (and clears uploads a crash cut off). */
export async function createAskModule(deps: AskDeps): Promise<AskModule> {
  const files = new MediaFiles(deps.mediaDir);
  await files.prepare();
  const { database, bus, audit, clock, log } = deps;
  const publisher = deps.publisher ?? new BusAppealPublisher({ bus, clock });
  const triage = new TriageConsumer({ database, bus, classifiers: deps.classifiers, clock });
  const intake = new TipIntake({ database, bus, clock, files });
  const media = new MediaProcessor({ database, bus, clock, files, log: log.child({ component: 'ask.media' }), intakeBusy: () => intake.busyWithPhotos() });
  return {
    files,
    intake,
    tips: new TipService({ database, bus, audit, clock, files }),
    appeals: new AppealService({ database, bus, audit, clock, files, publisher }),
    triage,
    media,
    register: () => {
      triage.register();
      media.register();
    },
  };
}
