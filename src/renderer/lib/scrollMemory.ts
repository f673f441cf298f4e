import { useEffect } from 'react';
import type { RefObject } from 'react';

const prefix = 'sessionscope.scroll.';

function remembered(key: string): number | null {
  try {
    const value = Number(localStorage.getItem(prefix + key));
    return Number.isFinite(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

function remember(key: string, top: number): void {
  try {
    localStorage.setItem(prefix + key, String(Math.round(top)));
  } catch {
    // Storage refused: the next window starts at the top.
  }
}

/**
 * Keeps how far an element is scrolled across launches, under `key`. A list fills in after it
 * mounts (a virtualised one grows as rows are measured), so the remembered offset is applied as
 * soon as the content is tall enough for it, and given up once the person scrolls first.
 */
export function useScrollMemory(element: RefObject<HTMLElement | null>, key: string): void {
  useEffect(() => {
    const scroller = element.current;
    if (!scroller) return;
    let pending = remembered(key);
    let frame = 0;

    const grows = new ResizeObserver(() => restore());
    const fills = new MutationObserver(() => restore());
    const settle = () => {
      pending = null;
      grows.disconnect();
      fills.disconnect();
    };
    const restore = () => {
      if (pending === null) return;
      if (scroller.scrollHeight - scroller.clientHeight < pending) return;
      scroller.scrollTop = pending;
      settle();
    };
    const onScroll = () => {
      // Whether ours or the person's, from now on the offset is what they see.
      settle();
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => remember(key, scroller.scrollTop));
    };

    if (pending !== null) {
      grows.observe(scroller);
      fills.observe(scroller, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['style'],
      });
      restore();
    }
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      settle();
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [element, key]);
}
