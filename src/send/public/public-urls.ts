/**
 * The public addresses of an organisation's send output: CAP documents, the CAP Atom index and the
 * RSS, Atom and JSON feeds. One place, so that the channels' links and the routes agree.
 */
export function publicSendUrls(publicUrl: string, organisationId: string) {
  const base = `${publicUrl}/api/public/organisations/${encodeURIComponent(organisationId)}`;
  return {
    capIndex: `${base}/cap/index.atom`,
    capDocument: (identifier: string) => `${base}/cap/${encodeURIComponent(identifier)}.xml`,
    feeds: { rss: `${base}/feeds/rss.xml`, atom: `${base}/feeds/atom.xml`, json: `${base}/feeds/feed.json` },
    home: `${publicUrl}/citizen/`,
  };
}

/**
 * The CAP `sender` of this installation: its public host. CAP forbids spaces, commas, `<` and `&`
 * in it; a host has none. Every organisation's alerts share it; `senderName` names the organisation.
 */
export function capSender(publicUrl: string): string {
  try {
    return new URL(publicUrl).host || 'waakzaam';
  } catch {
    return 'waakzaam';
  }
}
