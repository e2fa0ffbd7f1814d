import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * electron-builder cannot run here (no Electron binary), so its configuration is checked against
 * electron-builder's own schema validator, and the security-relevant settings are asserted.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(join(ROOT, 'package.json'));

interface BuilderConfig {
  asar?: boolean;
  asarUnpack?: string[];
  files?: string[];
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[] };
  win?: { target?: string[] };
  mac?: { target?: string[] };
  nsis?: { deleteAppDataOnUninstall?: boolean };
}

const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

async function validate(candidate: unknown): Promise<void> {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  await validateConfiguration(candidate, new DebugLogger(false));
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder, and the validator does reject mistakes', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
    await expect(validate({ ...config, electronFuzes: { runAsNode: false } })).rejects.toThrow();
    await expect(validate({ ...config, electronFuses: { runAsNode: 'no' } })).rejects.toThrow();
  });

  it('builds AppImage and deb, NSIS, and dmg', () => {
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win?.target).toContain('nsis');
    expect(config.mac?.target).toContain('dmg');
  });

  it('packs the app in an asar with better-sqlite3 unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json', 'resources/**']));
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('never deletes the library when the app is uninstalled', () => {
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
  });
});
