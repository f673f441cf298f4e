/**
 * `window.sessionscope`, exposed by the Electron preload (src/preload/index.ts). It is absent in
 * the browser host, which is why it is optional.
 */
import type { Bridge } from './api';

declare global {
  interface Window {
    readonly sessionscope?: Bridge;
  }
}
