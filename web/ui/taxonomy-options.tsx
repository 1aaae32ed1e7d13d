import { useT } from './i18n/language.tsx';
import { CATEGORY_IDS, CATEGORY_LABELS, PRIORITIES, PRIORITY_LABELS } from './taxonomy.ts';

/** One `<option>` per category, named in the UI language, for a `<select>`. */
export function CategoryOptions() {
  const { t } = useT();
  return CATEGORY_IDS.map((c) => (
    <option key={c} value={c}>
      {t(CATEGORY_LABELS[c])}
    </option>
  ));
}

/** One `<option>` per priority, lowest first, named in the UI language, for a `<select>`. */
export function PriorityOptions() {
  const { t } = useT();
  return PRIORITIES.map((p) => (
    <option key={p} value={p}>
      {t(PRIORITY_LABELS[p])}
    </option>
  ));
}
