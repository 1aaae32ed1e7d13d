import type { OutgoingMessage, Recipient } from '#send/channels/channel.ts';

/** A realistic published message for channel tests; override what a test is about. */
export function buildOutgoingMessage(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: '0192f3a4-5b6c-7d8e-9f01-23456789abcd',
    organisationId: 'org-utrecht',
    senderName: 'Gemeente Utrecht',
    msgType: 'Alert',
    status: 'Actual',
    language: 'nl',
    category: 'crowd_safety',
    urgency: 'Immediate',
    severity: 'Moderate',
    certainty: 'Observed',
    headline: 'Erg druk rond de Jaarbeurs',
    body: 'Het is erg druk op het Jaarbeursplein en bij de ingang van de Jaarbeurs. Er komen geen bezoekers meer bij.',
    instruction: 'Ga niet naar het Jaarbeursplein. Reis via station Utrecht Zuilen.',
    url: 'https://waakzaam.example/berichten/0192f3a4-5b6c-7d8e-9f01-23456789abcd',
    area: {
      description: 'Utrecht, Jaarbeursplein en omgeving',
      geometry: { type: 'Polygon', coordinates: [[[5.107, 52.087], [5.116, 52.087], [5.116, 52.093], [5.107, 52.093], [5.107, 52.087]]] },
    },
    topics: ['drukte', 'jaarbeurs'],
    sentAt: '2026-07-04T19:30:00.000Z',
    expiresAt: '2026-07-04T23:00:00.000Z',
    references: [],
    media: [],
    ...overrides,
  };
}

export function buildRecipient(overrides: Partial<Recipient> = {}): Recipient {
  return { id: 'sub-1', address: 'inwoner@example.nl', language: 'nl', unsubscribeUrl: 'https://waakzaam.example/afmelden/abc123', ...overrides };
}

export const never = new AbortController().signal;
