/** Events of the send module (the bus contract, see platform/bus/events.ts). */
declare module '#platform/bus/events.ts' {
  interface EventMap {
    /**
     * A message went out (approved, emergency bypass or its scheduled time came). The delivery
     * engine expands it into deliveries; the payload carries ids only, the message is read back.
     */
    'message.published': { messageId: string; msgType: 'Alert' | 'Update' | 'Cancel'; exercise: boolean };
    /** A message changed state (submitted, approved, rejected, scheduled, published, superseded, discarded). */
    'message.changed': { messageId: string; status: string };
  }
}

export {};
