import { describe, expect, it } from 'vitest';
import { Prism } from 'prism-react-renderer';
import { fenceLanguage, languageLabel, pathLanguage } from './codeLanguage';

describe('fenceLanguage', () => {
  it('knows the usual names and aliases, in any case', () => {
    expect(fenceLanguage('ts')).toBe('typescript');
    expect(fenceLanguage('TSX')).toBe('tsx');
    expect(fenceLanguage(' js ')).toBe('javascript');
    expect(fenceLanguage('py')).toBe('python');
    expect(fenceLanguage('html')).toBe('markup');
    expect(fenceLanguage('yml')).toBe('yaml');
  });

  it('leaves plain what it does not know or that carries anything more', () => {
    for (const info of [
      null,
      undefined,
      '',
      'brainfuck',
      'js onload=alert(1)',
      '"><img src=x>',
      'javascript:alert(1)',
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'ts\u0000',
    ]) {
      expect(fenceLanguage(info), String(info)).toBeNull();
    }
  });

  it('only ever names a grammar prism-react-renderer bundles', () => {
    for (const name of [
      'c',
      'cpp',
      'css',
      'go',
      'graphql',
      'html',
      'js',
      'jsx',
      'json',
      'kt',
      'md',
      'objc',
    ]) {
      expect(Prism.languages[fenceLanguage(name) ?? '']).toBeDefined();
    }
    for (const name of ['py', 'reason', 'rs', 'sql', 'swift', 'ts', 'tsx', 'yaml']) {
      expect(Prism.languages[fenceLanguage(name) ?? '']).toBeDefined();
    }
  });
});

describe('pathLanguage', () => {
  it('reads a file extension', () => {
    expect(pathLanguage('src/main/index.ts')).toBe('typescript');
    expect(pathLanguage('C:\\work\\app.PY')).toBe('python');
    expect(pathLanguage('Makefile')).toBeNull();
    expect(pathLanguage('.bashrc')).toBeNull();
    expect(pathLanguage('notes.txt')).toBeNull();
  });
});

describe('languageLabel', () => {
  it('names a grammar for people', () => {
    expect(languageLabel('markup')).toBe('HTML');
    expect(languageLabel('typescript')).toBe('TypeScript');
  });
});
