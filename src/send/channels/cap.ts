import { buildCapAlert, capIdentifier, type CapAlertOptions } from '../cap/build-alert.ts';
import type { Channel, ChannelPreview, DeliveryOutcome, OutgoingMessage } from './channel.ts';
import { markedHeadline } from './text.ts';

export interface CapChannelOptions extends Omit<CapAlertOptions, 'circle'> {
  /**
   * Keeps the document where the public routes serve it (`/cap/:organisation/:identifier.xml`
   * and the organisation's Atom index). Provided by the send module's store; must be idempotent
   * per identifier (a retry stores the same document again).
   */
  publish(message: OutgoingMessage, identifier: string, xml: string, signal: AbortSignal): Promise<void>;
}

/**
 * CAP 1.2 (SPEC S3): a pull channel. Delivering a message means producing its CAP document and
 * handing it to the store the public routes read; consumers (Google Public Alerts, aggregators,
 * other organisations) poll the Atom index and fetch the documents.
 */
export function createCapChannel(options: CapChannelOptions): Channel {
  function problems(message: OutgoingMessage): string[] {
    const found: string[] = [];
    if (!message.area) found.push('CAP needs an area: consumers place alerts by it');
    if (message.msgType !== 'Alert' && message.references.length === 0) found.push(`a CAP ${message.msgType} must name the alert it ${message.msgType === 'Update' ? 'updates' : 'cancels'}`);
    return found;
  }

  function preview(message: OutgoingMessage): ChannelPreview {
    let length = 0;
    const found = problems(message);
    try {
      length = Buffer.byteLength(buildCapAlert(message, options));
    } catch (error) {
      found.push((error as Error).message);
    }
    const text = `CAP ${message.status} ${message.msgType} ${capIdentifier(message.id)}: ${markedHeadline(message)}${message.area ? ` (${message.area.description})` : ''}`;
    return { text, length, limit: null, unit: 'bytes', problems: found };
  }

  async function deliver(message: OutgoingMessage, _recipient: unknown, _key: string, signal: AbortSignal): Promise<DeliveryOutcome> {
    let xml: string;
    try {
      xml = buildCapAlert(message, options);
    } catch (error) {
      return { outcome: 'failed', reason: `cannot build the CAP document: ${(error as Error).message}` };
    }
    const identifier = capIdentifier(message.id);
    try {
      await options.publish(message, identifier, xml, signal);
    } catch (error) {
      return { outcome: 'retry', reason: `storing the CAP document failed: ${(error as Error).message}` };
    }
    return { outcome: 'delivered', externalId: identifier };
  }

  return { kind: 'cap', audience: 'broadcast', maxPerSecond: 100, preview, deliver };
}
