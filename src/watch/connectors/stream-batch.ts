import type { IncomingPost } from '../post.ts';
import type { ConnectorContext } from './connector.ts';

// Shared by the Jetstream and Mastodon connectors (see frame-socket.ts for why it lives here).

export interface BatchPolicy {
  /** Emit once this many posts are waiting. */
  maxPosts: number;
  /** Emit at most this long after the first waiting post arrived. */
  maxDelayMs: number;
  /** With no posts waiting, save the cursor alone at most this often, so a restart does not re-read. */
  cursorEveryMs: number;
}

export const DEFAULT_BATCH_POLICY: BatchPolicy = { maxPosts: 100, maxDelayMs: 250, cursorEveryMs: 5000 };

/**
 * Collects the posts of a stream and emits them in batches, each with the cursor of the last
 * input consumed, so that storage costs one transaction per batch rather than per post. Inputs
 * that were filtered out still move the cursor, which is saved on its own now and then.
 */
export class StreamBatch<C> {
  private posts: IncomingPost[] = [];
  private cursor: C | undefined;
  private unsaved = false;
  private firstAt = 0;
  private savedAt = performance.now();

  constructor(
    private readonly ctx: Pick<ConnectorContext<unknown>, 'emit' | 'saveCursor'>,
    private readonly policy: BatchPolicy,
  ) {}

  /** Records one consumed input: its post (none when filtered out or skipped) and the cursor after it. */
  add(post: IncomingPost | undefined, cursor: C): void {
    if (post) {
      if (this.posts.length === 0) this.firstAt = performance.now();
      this.posts.push(post);
    }
    this.cursor = cursor;
    this.unsaved = true;
  }

  /** How long the reader may wait for input before `flushIfDue` has work to do. */
  waitMs(idleMs: number): number {
    if (this.posts.length > 0) return Math.max(0, this.firstAt + this.policy.maxDelayMs - performance.now());
    if (this.unsaved) return Math.max(0, Math.min(idleMs, this.savedAt + this.policy.cursorEveryMs - performance.now()));
    return idleMs;
  }

  async flushIfDue(): Promise<void> {
    const now = performance.now();
    if (this.posts.length >= this.policy.maxPosts || (this.posts.length > 0 && now - this.firstAt >= this.policy.maxDelayMs)) await this.flush();
    else if (this.posts.length === 0 && this.unsaved && now - this.savedAt >= this.policy.cursorEveryMs) await this.flush();
  }

  /** Stores whatever is waiting: posts with the cursor, or the cursor alone. */
  async flush(): Promise<void> {
    if (!this.unsaved) return;
    const posts = this.posts;
    const cursor = this.cursor;
    this.posts = [];
    this.unsaved = false;
    this.savedAt = performance.now();
    if (posts.length > 0) await this.ctx.emit(posts, cursor);
    else await this.ctx.saveCursor(cursor);
  }
}
