import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const configFile = new URL('../../electron/electron-builder.yml', import.meta.url);

/**
 * The top-level entries of the YAML file as raw lines: each key with its inline value and the
 * indented lines under it (comments and blank lines dropped). Just enough YAML for this flat
 * config; a duplicated key fails, since electron-builder would read only one of the two.
 */
function topLevelEntries(yaml: string): Map<string, { value: string; body: string[] }> {
  const entries = new Map<string, { value: string; body: string[] }>();
  let current: { value: string; body: string[] } | undefined;
  for (const line of yaml.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const top = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (top) {
      if (entries.has(top[1])) throw new Error(`${top[1]} appears twice in electron-builder.yml`);
      current = { value: top[2], body: [] };
      entries.set(top[1], current);
    } else {
      if (!current || !line.startsWith(' ')) throw new Error(`unexpected line in electron-builder.yml: ${line}`);
      current.body.push(line);
    }
  }
  return entries;
}

/** A block of `key: true|false` lines as an object; any other line fails. */
function booleans(body: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(
    body.map((line) => {
      const match = /^ {2}(\w+): (true|false)$/.exec(line);
      if (!match) throw new Error(`not a "key: true|false" line: ${line}`);
      return [match[1], match[2] === 'true'];
    }),
  );
}

describe('electron-builder.yml', () => {
  it('flips every fuse to its safe value', async () => {
    const fuses = topLevelEntries(await readFile(configFile, 'utf8')).get('electronFuses');
    expect(fuses?.value).toBe('');
    expect(booleans(fuses?.body ?? [])).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into app.asar, which onlyLoadAppFromAsar needs', async () => {
    expect(topLevelEntries(await readFile(configFile, 'utf8')).get('asar')).toEqual({ value: 'true', body: [] });
  });
});
