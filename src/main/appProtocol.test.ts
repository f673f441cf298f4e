import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../shared/csp';
import { appScheme, createAppProtocolHandler, resolveAppPath } from './appProtocol';

const root = resolve('/srv/app/out/renderer');

describe('resolveAppPath', () => {
  it.each([
    ['app://sessionscope/', 'index.html'],
    ['app://sessionscope', 'index.html'],
    ['app://sessionscope/index.html', 'index.html'],
    ['app://sessionscope/index.html?x=1#/sessions/abc', 'index.html'],
    ['app://sessionscope/assets/index-Bx1.js', join('assets', 'index-Bx1.js')],
    ['app://sessionscope/assets/font%20name.woff2', join('assets', 'font name.woff2')],
  ])('maps %j inside the renderer dir', (url, file) => {
    expect(resolveAppPath(root, url)).toBe(join(root, file));
  });

  it('keeps dot segments the URL parser folds inside the root', () => {
    expect(resolveAppPath(root, 'app://sessionscope/../../../etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    expect(resolveAppPath(root, 'app://sessionscope/assets/%2e%2e/%2E%2E/index.html')).toBe(
      join(root, 'index.html'),
    );
  });

  it.each([
    'app://sessionscope/..%2f..%2fetc%2fpasswd',
    'app://sessionscope/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://sessionscope/assets/..%2F..%2F..%2Fsecret',
    'app://sessionscope/..%5c..%5csecret',
    'app://sessionscope/assets\\..\\..\\secret',
    'app://sessionscope//etc/passwd',
    'app://sessionscope/%2Fetc%2Fpasswd',
    'app://sessionscope/C:/Windows/win.ini',
    'app://sessionscope/C%3A%5CWindows%5Cwin.ini',
    'app://sessionscope/index.html%00.png',
    'app://sessionscope/%E0%A4%A',
    'app://sessionscope/assets/',
    'app://evil/index.html',
    'app://sessionscope.evil/index.html',
    'app://sessionscope:8080/index.html',
    'app://user:pass@sessionscope/index.html',
    'file:///srv/app/out/renderer/index.html',
    'https://sessionscope/index.html',
    'not a url',
  ])('refuses %j', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('decodes once, so a double-encoded dot is only a strange file name inside the root', () => {
    expect(resolveAppPath(root, 'app://sessionscope/%252e%252e/secret')).toBe(join(root, '%2e%2e', 'secret'));
  });

  it('never resolves outside the root, whatever follows the origin', () => {
    const unit = fc.constantFrom(
      '.',
      '/',
      '\\',
      '%',
      '2',
      '5',
      'e',
      'E',
      'f',
      'F',
      'c',
      'C',
      'a',
      ':',
      '0',
      '~',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (tail) => {
        const resolved = resolveAppPath(root, `app://sessionscope/${tail}`);
        return resolved === null || resolved.startsWith(root + sep);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('createAppProtocolHandler', () => {
  let base: string;
  let rendererDir: string;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'sessionscope-protocol-'));
    rendererDir = join(base, 'renderer');
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Sessionscope</title>');
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
    await writeFile(join(base, 'secret.txt'), 'outside the renderer');
    await symlink(join(base, 'secret.txt'), join(rendererDir, 'assets', 'leak.txt'));
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  const fetchApp = (url: string, method = 'GET') =>
    createAppProtocolHandler(rendererDir)(new Request(url, { method }));

  it('serves the entry page with its type and the shared CSP header', async () => {
    const response = await fetchApp('app://sessionscope/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    await expect(response.text()).resolves.toContain('<title>Sessionscope</title>');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await fetchApp('app://sessionscope/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers HEAD without a body', async () => {
    const response = await fetchApp('app://sessionscope/index.html', 'HEAD');
    expect(response.status).toBe(200);
    await expect(response.text()).resolves.toBe('');
  });

  it.each([
    ['a missing file', 'app://sessionscope/missing.js'],
    ['a directory', 'app://sessionscope/assets'],
    ['a symlink out of the renderer dir', 'app://sessionscope/assets/leak.txt'],
    ['an encoded traversal', 'app://sessionscope/..%2fsecret.txt'],
    ['another host', 'app://evil/index.html'],
  ])('answers 404 for %s, still with the CSP header', async (_label, url) => {
    const response = await fetchApp(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    await expect(response.text()).resolves.not.toContain('outside the renderer');
  });

  it('answers 405 to anything but GET and HEAD, with the CSP header', async () => {
    const response = await fetchApp('app://sessionscope/index.html', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });
});

describe('appScheme', () => {
  it('is a standard, secure scheme that supports fetch and grants nothing else', () => {
    expect(appScheme).toStrictEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });
});
