import { useCallback, useState } from 'react';
import type { Layout, LayoutChangedMeta } from 'react-resizable-panels';
import { layoutKey, parseLayouts, withLayout } from './layoutStorage';
import type { PaneGroup, PaneLayouts } from './layoutStorage';

/** A split's remembered sizes, and the handler that remembers them as a person resizes it. */
export function usePaneLayout(group: PaneGroup) {
  const [defaultLayout] = useState(() => readLayouts()[group]);
  const onLayoutChanged = useCallback(
    (layout: Layout, meta: LayoutChangedMeta) => {
      // Only sizes a person chose: a split squeezed by a small window keeps its chosen sizes for
      // when the window grows again, which is what requestedLayout holds.
      if (!meta.isUserInteraction) return;
      try {
        localStorage.setItem(layoutKey, withLayout(readLayouts(), group, meta.requestedLayout ?? layout));
      } catch {
        // Storage full or turned off: the sizes last this launch only, which is all they can.
      }
    },
    [group],
  );
  return { defaultLayout, onLayoutChanged };
}

function readLayouts(): PaneLayouts {
  try {
    return parseLayouts(localStorage.getItem(layoutKey));
  } catch {
    return {};
  }
}
