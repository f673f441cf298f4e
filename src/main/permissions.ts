import type { Session } from 'electron';

/**
 * Sessionscope needs no camera, notifications, geolocation or any other permission, so every
 * request and every check is refused (security.md §1.1 #5). Both handlers are needed: Electron's
 * session docs say most web APIs check a permission before they request it, and some only check.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
