// The messages between the extension host (src/vscode/diagramPanel.ts) and the diagram webview
// (src/webview/main.ts). Types only: both sides import them, neither imports the other. The host validates every
// ToHost message (src/vscode/diagramMessages.ts) before acting on it.
import type { DiagramModel, ModelLayer, ResourceDiagram } from '../core/render/diagramTypes';

/** Host → webview. All data arrives this way, after the webview said `ready`. */
export type ToWebview =
  /**
   * The whole template (every resource in summary) and the selected resource in full; `uri`: its document.
   * `reveal`: the user asked for this resource (a hover's "Show in diagram", the command): bring its details into
   * view. Without it (an edit redrew the template) the webview keeps its scroll positions.
   */
  | { readonly type: 'model'; readonly model: DiagramModel; readonly uri: string; readonly reveal?: boolean }
  /** Another resource selected (the editor's cursor moved, or the webview asked); undefined: none. `reveal` as above. */
  | { readonly type: 'select'; readonly id: string | undefined; readonly resource: ResourceDiagram | undefined; readonly reveal?: boolean }
  /** Nothing to show: no template open. The generic model is still drawn. */
  | { readonly type: 'empty'; readonly reason: string; readonly layers: readonly ModelLayer[]; readonly srmUrl: string };

/** Webview → host. */
export type ToHost =
  | { readonly type: 'ready' }
  /** Show this resource in the diagram (arrow keys in the resource list). */
  | { readonly type: 'select'; readonly id: string }
  /** Show this resource and reveal it in the editor (a click, or Enter). */
  | { readonly type: 'reveal'; readonly id: string }
  /** Open a link of the model in the browser; the host opens only https URLs it sent itself. */
  | { readonly type: 'openLink'; readonly url: string }
  | { readonly type: 'exportReport' }
  /** Sent after each render: the resources the list holds (a filter may hide some) and the one the diagram shows. */
  | { readonly type: 'rendered'; readonly resources: readonly string[]; readonly selectedId?: string };

/** What the webview keeps with vscode.setState, and what the serializer gets back after a reload. */
export interface DiagramState {
  /** The document the panel follows. */
  readonly uri?: string;
  readonly selectedId?: string;
  /** Ids of the expanded layers. */
  readonly expanded?: readonly string[];
  /** The list shows only the resources with findings or open duties. */
  readonly onlyOpen?: boolean;
  /** The order of the resources in each group: as in the template, or the most severe first. */
  readonly sort?: 'template' | 'severity';
  /** Ids of the collapsed groups of the list (categories, `data`, `module`, `unknown`). */
  readonly collapsed?: readonly string[];
}
