import { useEffect, type RefObject } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab and Shift+Tab inside a modal dialog. `showModal()` already makes the page behind it
 * inert, but Tab still leaves the last control for the browser's own toolbar; this wraps around
 * to the first control instead, as the WAI-ARIA dialog pattern asks.
 */
export function useFocusTrap(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) {
      return undefined;
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') {
        return;
      }
      // Only the innermost dialog traps (a reveal dialog sits inside the detail panel).
      const target = event.target instanceof Element ? event.target.closest('dialog') : null;
      if (target !== element) {
        return;
      }
      const focusable = [...element.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (node) => node.closest('dialog') === element && node.getClientRects().length > 0,
      );
      const first = focusable[0];
      const last = focusable.at(-1);
      if (!first || !last) {
        return;
      }
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  }, [ref]);
}
