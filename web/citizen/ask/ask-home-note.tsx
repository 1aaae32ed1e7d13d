import { useT } from '../../ui/i18n/language.tsx';

/**
 * The home page's word on appeals: they are opened from the link in the message a resident got
 * (there is no public list of appeals yet), so no "coming soon" and no dead link.
 */
export function AskHomeNote() {
  const { t } = useT();
  return <span className="utrecht-status-badge utrecht-status-badge--neutral citizen-soon">{t('appeal.homeNote')}</span>;
}
