import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions } from './permissions';

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string) => boolean;

function lockedSession() {
  const installed: { request?: RequestHandler; check?: CheckHandler } = {};
  const session = {
    setPermissionRequestHandler: (handler: RequestHandler) => (installed.request = handler),
    setPermissionCheckHandler: (handler: CheckHandler) => (installed.check = handler),
  };
  denyAllPermissions(session as unknown as Session);
  return installed;
}

const permissions = [
  'media',
  'notifications',
  'geolocation',
  'clipboard-read',
  'openExternal',
  'fullscreen',
  'unknown',
];

describe('denyAllPermissions', () => {
  it.each(permissions)('refuses a request for %s', (permission) => {
    const callback = vi.fn();
    lockedSession().request?.({}, permission, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it.each(permissions)('answers false to a check for %s, even from our own origin', (permission) => {
    expect(lockedSession().check?.({}, permission, 'app://sessionscope')).toBe(false);
  });
});
