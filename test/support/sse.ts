export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * A minimal EventSource for tests: reads a text/event-stream response over fetch and collects
 * parsed events (per the WHATWG event-stream format).
 */
export async function openSse(url: string, headers: Record<string, string>): Promise<{ events: SseEvent[]; status: number; contentType: string | null; close(): void }> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const events: SseEvent[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = { event: 'message', data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const [field, ...rest] = line.split(':');
            const value = rest.join(':').replace(/^ /, '');
            if (field === 'event') event.event = value;
            else if (field === 'data') event.data += value;
            else if (field === 'id') event.id = value;
          }
          if (event.data !== '') events.push(event);
        }
      }
    } catch {
      // aborted
    }
  })();
  return { events, status: response.status, contentType: response.headers.get('content-type'), close: () => controller.abort() };
}
