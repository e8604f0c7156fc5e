/** The extension's settings, as the core sees them: typed, defaulted and sanitised. */
export interface Settings {
  readonly hoverEnabled: boolean;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({ hoverEnabled: true });

/** Reads raw configuration values (any shape) into Settings, falling back to defaults for anything invalid. */
export function parseSettings(raw: { readonly get: (key: string) => unknown }): Settings {
  const hover = raw.get('hover.enabled');
  return { hoverEnabled: typeof hover === 'boolean' ? hover : DEFAULT_SETTINGS.hoverEnabled };
}
