/**
 * The normalised post (SPEC W2) as the rest of Waakzaam sees it, whatever its source. Authors
 * appear only as pseudonyms (G1).
 */
export interface PostLocation {
  lat: number;
  lon: number;
  /** `exact`: coordinates from the source; `place`: a place named in the text, at its centre. */
  precision: 'exact' | 'place';
  placeName: string | null;
}

export interface MediaRef {
  url: string;
  type: string;
}

export interface Post {
  id: string;
  organisationId: string;
  source: string;
  sourceId: string;
  url: string | null;
  authorPseudonym: string;
  text: string;
  language: string | null;
  createdAt: string;
  receivedAt: string;
  location: PostLocation | null;
  hashtags: string[];
  mentions: string[];
  media: MediaRef[];
  replyTo: string | null;
  repostOf: string | null;
  quoteOf: string | null;
}

/**
 * A post before it is stored: everything but the id, organisation and time of receipt. The
 * author's handle may ride along to the identity vault (sealed, time-limited); it is never stored
 * with the post nor put on the bus.
 */
export type IncomingPost = Omit<Post, 'id' | 'organisationId' | 'receivedAt'> & { authorHandle?: string };
