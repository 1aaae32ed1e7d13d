import type { Priority } from '../ui/api.ts';
import { useT } from '../ui/i18n/language.tsx';
import { CATEGORY_LABELS, PRIORITY_LABELS, type CategoryOrNone } from '../ui/taxonomy.ts';

/** Category as a coloured chip with its name: the colour helps scanning, the name carries the meaning. */
export function CategoryChip({ category }: { category: CategoryOrNone }) {
  const { t } = useT();
  return (
    <span className={`chip category category--${category}`}>
      <span className="category__swatch" aria-hidden="true" />
      <span className="visually-hidden">{t('post.category')}: </span>
      {t(CATEGORY_LABELS[category])}
    </span>
  );
}

/** Priority as a badge: text always, and a stronger look the higher it is. */
export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useT();
  return (
    <span className={`chip priority priority--${priority}`}>
      <span className="visually-hidden">{t('post.priority')}: </span>
      {t(PRIORITY_LABELS[priority])}
    </span>
  );
}

/** A colour swatch for legends; decorative, the name is next to it. */
export function CategorySwatch({ category }: { category: CategoryOrNone }) {
  return <span className={`category-swatch category--${category}`} aria-hidden="true" />;
}
