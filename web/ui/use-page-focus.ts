import { useEffect, useRef, type RefObject } from 'react';

/**
 * After an in-app navigation, moves focus to the new page's first heading and sets the document
 * title. Without this a screen-reader user hears nothing after clicking a link in a single-page
 * app, and keyboard focus stays on a link that may no longer be relevant. The first render is
 * left alone so that a fresh page load starts at the top as usual.
 */
export function usePageFocus(containerRef: RefObject<HTMLElement | null>, pathname: string, title: string): void {
  const firstRender = useRef(true);

  useEffect(() => {
    document.title = title;
  }, [title]);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = containerRef.current?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [containerRef, pathname]);
}
