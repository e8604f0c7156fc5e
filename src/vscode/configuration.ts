import * as vscode from 'vscode';
import { parseSettings } from '../core/settings';
import type { Settings } from '../core/settings';

export const CONFIGURATION_SECTION = 'srmLens';

/** Settings per resource (folder settings may differ), cached until the configuration changes. */
export class Configuration implements vscode.Disposable {
  private readonly cache = new Map<string, Settings>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(CONFIGURATION_SECTION)) this.cache.clear();
    });
  }

  /** Settings for a resource; undefined reads the window's (for window-scoped settings such as the scope). */
  for(uri: vscode.Uri | undefined): Settings {
    const key = uri?.toString() ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      settings = parseSettings(vscode.workspace.getConfiguration(CONFIGURATION_SECTION, uri));
      this.cache.set(key, settings);
    }
    return settings;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
