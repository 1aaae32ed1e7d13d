import type { Channel, ChannelKind, ChannelPreview, MessageLanguage } from '../channels/channel.ts';
import { languagesOf, type Message } from './message.ts';
import { toOutgoing, type OutgoingContext } from './outgoing.ts';

/** One channel's text of one language version, with what would block publishing it. */
export interface MessagePreview {
  channel: ChannelKind;
  language: MessageLanguage;
  /** False when this installation has no such channel set up (no credentials in the configuration). */
  configured: boolean;
  preview: ChannelPreview | null;
  problems: string[];
}

/**
 * Every chosen channel's preview in every language the message has (SPEC S3: per-channel length
 * checks before publishing). A channel that is not configured, or that needs an area the message
 * lacks, is a problem too; an adapter that throws is reported, not propagated.
 */
export function previewMessage(message: Message, channels: ReadonlyMap<ChannelKind, Channel>, context: OutgoingContext): MessagePreview[] {
  const previews: MessagePreview[] = [];
  for (const kind of message.channels) {
    const channel = channels.get(kind);
    for (const language of languagesOf(message)) {
      if (!channel) {
        previews.push({ channel: kind, language, configured: false, preview: null, problems: [`The ${kind} channel is not set up on this installation.`] });
        continue;
      }
      const problems: string[] = [];
      if (channel.audience === 'recipient' && !message.area) problems.push(`The ${kind} channel reaches subscribers by area: choose an area.`);
      let preview: ChannelPreview | null = null;
      try {
        preview = channel.preview(toOutgoing(message, language, context));
        problems.push(...preview.problems);
      } catch (error) {
        problems.push(`The ${kind} channel could not render the message: ${error instanceof Error ? error.message : String(error)}`);
      }
      previews.push({ channel: kind, language, configured: true, preview, problems });
    }
  }
  return previews;
}

/** The problems that block publishing, channel by channel. */
export function blockingProblems(previews: readonly MessagePreview[]): { channel: ChannelKind; language: MessageLanguage; problems: string[] }[] {
  return previews.filter((p) => p.problems.length > 0).map((p) => ({ channel: p.channel, language: p.language, problems: p.problems }));
}
