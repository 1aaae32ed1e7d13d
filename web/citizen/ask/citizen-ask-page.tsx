import { askPageOf, organisationOf } from './ask-paths.ts';
import { AppealPage } from './appeal-page.tsx';
import { TipPage } from './tip-page.tsx';

/** The citizen app's ask pages: an appeal, or the tip form (for an appeal or an organisation). */
export function CitizenAskPage({ pathname }: { pathname: string }) {
  const page = askPageOf(pathname);
  if (!page) return null;
  if (page.page === 'appeal') return <AppealPage key={page.appealId} appealId={page.appealId} />;
  return <TipPage key={page.appealId ?? 'org'} appealId={page.appealId} organisationId={page.appealId ? null : organisationOf(window.location.search)} />;
}
