// The messages between the extension host (src/vscode/diagramPanel.ts) and the diagram webview
// (src/webview/main.ts). Types only: both sides import them, neither imports the other. The host validates every
// ToHost message (src/vscode/diagramMessages.ts) before acting on it.
import type { DiagramModel, ModelLayer, ResourceDiagram } from '../core/render/diagramTypes';

/** Host → webview. All data arrives this way, after the webview said `ready`. */
export type ToWebview =
  /** The whole template (every resource in summary) and the selected resource in full; `uri`: its document. */
  | { readonly type: 'model'; readonly model: DiagramModel; readonly uri: string }
  /** Another resource selected (the editor's cursor moved, or the webview asked); undefined: none. */
  | { readonly type: 'select'; readonly id: string | undefined; readonly resource: ResourceDiagram | undefined }
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
  /** Sent after each render: how many resources the list shows and which one the diagram shows. */
  | { readonly type: 'rendered'; readonly resources: readonly string[]; readonly selectedId?: string };

/** What the webview keeps with vscode.setState, and what the serializer gets back after a reload. */
export interface DiagramState {
  /** The document the panel follows. */
  readonly uri?: string;
  readonly selectedId?: string;
  /** Ids of the expanded layers. */
  readonly expanded?: readonly string[];
}
