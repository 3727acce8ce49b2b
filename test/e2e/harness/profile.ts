// A throw-away code-server profile: user data, extensions, XDG folders, config and a workspace
// copy, all under one temporary folder so nothing touches the user's own VS Code or home.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Profile {
  readonly root: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly xdgDir: string;
  readonly configFile: string;
  readonly workspaceDir: string;
}

// Keeps the workbench quiet and offline: no welcome page, trust prompt, telemetry or update checks.
// Auto save is off: VS Code in the browser (code-server) saves after a delay by default, which would write the
// tests' unsaved edits into the fixture files, where a revert no longer drops them.
const USER_SETTINGS = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
};

export function createProfile(workspaceSource: string): Profile {
  const root = mkdtempSync(join(tmpdir(), 'apim-studio-e2e-'));
  const profile: Profile = {
    root,
    userDataDir: join(root, 'user-data'),
    extensionsDir: join(root, 'extensions'),
    xdgDir: join(root, 'xdg'),
    configFile: join(root, 'code-server.yaml'),
    workspaceDir: join(root, 'workspace'),
  };
  mkdirSync(join(profile.userDataDir, 'User'), { recursive: true });
  mkdirSync(profile.extensionsDir);
  mkdirSync(profile.xdgDir);
  writeFileSync(join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  writeFileSync(profile.configFile, 'auth: none\ncert: false\n');
  cpSync(workspaceSource, profile.workspaceDir, { recursive: true });
  return profile;
}

/** Removes the profile, or keeps it and says where when a run failed. */
export function disposeProfile(profile: Profile, keep: boolean): void {
  if (keep) {
    console.log(`[e2e] kept profile ${profile.root}`);
    return;
  }
  rmSync(profile.root, { recursive: true, force: true });
}
