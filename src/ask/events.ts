import type { TipStatus } from './tip.ts';

/** Events of the ask module (the bus contract, see platform/bus/events.ts). */
declare module '#platform/bus/events.ts' {
  interface EventMap {
    /**
     * A tip and its photos' originals were stored (the photos are not processed yet). Ids only:
     * the tip's text and contact details stay in the store, not in the event log.
     */
    'tip.received': { tipId: string; appealId: string | null; mediaIds: string[] };
    /** Photos were stored as received; the media consumer hashes them and makes the copies. */
    'media.received': { mediaIds: string[]; ownerType: 'tip' | 'appeal'; ownerId: string };
    /** The tip's text was classified and its place in the triage queue set. */
    'tip.triaged': { tipId: string; priority: string; priorityScore: number };
    /** A photo was processed (hash, EXIF, copies) or rejected on full decode. */
    'media.processed': { mediaId: string; ownerType: 'tip' | 'appeal'; ownerId: string; status: 'processed' | 'rejected'; groupId: string | null };
    /** Staff changed a tip's status or links. */
    'tip.updated': { tipId: string; status: TipStatus; appealId: string | null; incidentId: string | null };
    /** An appeal was created, changed, published or closed. */
    'appeal.changed': { appealId: string; status: 'draft' | 'active' | 'closed' };
    /**
     * An appeal (or its closing message) is to go out to subscribers in its area and to public
     * channels. Raised by the bus-backed AppealPublisher until the send module takes the request.
     */
    'appeal.publish_requested': AppealPublishRequest;
  }
}

/** What the send module needs to publish an appeal or its closing message. */
export interface AppealPublishRequest {
  messageId: string;
  appealId: string;
  purpose: 'appeal' | 'closing';
  /** For a closing message: the appeal's message, whose recipients must all receive this one. */
  replyToMessageId: string | null;
  kind: string;
  title: string;
  body: string;
  area: unknown;
  responseInstructions: string;
  expiresAt: string | null;
}
