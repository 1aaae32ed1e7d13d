import type { DraftInput } from '#send/messages/message.ts';
import type { CitizenSubscriptionInput } from '#send/subscriptions/subscription.ts';

/** A draft the recording channels accept: Utrecht, Dutch and English, push and Mastodon. */
export function buildDraft(overrides: Partial<DraftInput> = {}): DraftInput {
  return {
    category: 'crowd_safety',
    urgency: 'Immediate',
    severity: 'Moderate',
    certainty: 'Observed',
    exercise: false,
    topics: ['crowd_safety'],
    channels: ['mastodon', 'webpush'],
    content: {
      nl: { headline: 'Het is erg druk bij de uitgang Croeselaan', body: 'Neem een andere uitgang.', instruction: 'Volg de aanwijzingen van de beveiliging.' },
      en: { headline: 'It is very crowded at the Croeselaan exit', body: 'Please use another exit.' },
    },
    area: { kind: 'municipality', code: 'GM0344' },
    scheduledFor: null,
    expiresAt: null,
    ...overrides,
  };
}

let n = 0;

/** A Web Push subscription of a browser (the keys have the real shapes; the endpoint is local). */
export function buildPushSubscription(overrides: Partial<Extract<CitizenSubscriptionInput, { channel: 'webpush' }>> = {}): Extract<CitizenSubscriptionInput, { channel: 'webpush' }> {
  n += 1;
  return {
    channel: 'webpush',
    subscription: {
      endpoint: `https://push.example.test/send/${n}`,
      keys: { p256dh: 'B' + 'A'.repeat(86), auth: 'Q'.repeat(22) },
    },
    area: { kind: 'circle', lat: 52.0894, lon: 5.1101, radiusM: 800 },
    topics: [],
    language: 'nl',
    organisationId: null,
    ...overrides,
  };
}
