// The diagram webview's entry point (browser only; bundled to dist/webview/main.js as an IIFE). Says `ready`,
// then renders whatever model the host sends. State survives hiding and reloads through vscode.setState.
import type { DiagramModel, ModelLayer, ResourceDiagram } from '../core/render/diagramTypes';
import type { DiagramState, ToHost, ToWebview } from '../shared/protocol';
import { h, replaceChildren } from './dom';
import { header, linkList, model as drawModel, resourceDiagram, resourceList } from './view';
import type { ViewHandlers } from './view';

interface VsCodeApi {
  postMessage(message: ToHost): void;
  getState(): DiagramState | undefined;
  setState(state: DiagramState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

class DiagramApp {
  private model: DiagramModel | undefined;
  private empty: { reason: string; layers: readonly ModelLayer[]; srmUrl: string } | undefined;
  private selectedId: string | undefined;
  private readonly expanded: Set<string>;
  private uri: string | undefined;
  private options: HTMLElement[] = [];
  private diagramSlot: HTMLElement | undefined;
  private readonly status: HTMLElement;
  private readonly handlers: ViewHandlers;

  constructor(
    private readonly root: HTMLElement,
    private readonly vscode: VsCodeApi,
  ) {
    const state = vscode.getState();
    this.uri = state?.uri;
    this.selectedId = state?.selectedId;
    this.expanded = new Set(state?.expanded ?? []);
    this.status = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    this.handlers = {
      resource: (id, reveal) => {
        this.showSelection(id, undefined);
        this.post({ type: reveal ? 'reveal' : 'select', id });
      },
      link: (url) => this.post({ type: 'openLink', url }),
      exportReport: () => this.post({ type: 'exportReport' }),
      toggleLayer: (id, open) => {
        if (open) this.expanded.add(id);
        else this.expanded.delete(id);
        this.saveState();
      },
    };
  }

  start(): void {
    this.post({ type: 'ready' });
  }

  receive(message: ToWebview): void {
    if (!message || typeof message !== 'object') return;
    switch (message.type) {
      case 'model':
        this.uri = typeof message.uri === 'string' ? message.uri : this.uri;
        this.model = message.model;
        this.empty = undefined;
        this.selectedId = message.model.selectedId;
        this.render();
        break;
      case 'select':
        if (!this.model) return;
        this.model = { ...this.model, ...(message.id !== undefined ? { selectedId: message.id } : {}), ...(message.resource ? { selected: message.resource } : {}) };
        if (message.id === undefined) this.model = { ...this.model, selectedId: undefined, selected: undefined };
        this.showSelection(message.id, message.resource);
        this.renderDiagram();
        if (message.resource) this.status.textContent = `Showing ${message.resource.id}`;
        this.reportRendered();
        break;
      case 'empty':
        this.model = undefined;
        this.empty = { reason: message.reason, layers: message.layers, srmUrl: message.srmUrl };
        this.selectedId = undefined;
        this.render();
        break;
    }
  }

  private render(): void {
    const hadFocus = this.root.contains(document.activeElement) ? document.activeElement?.getAttribute('data-id') : undefined;
    this.diagramSlot = h('div', { class: 'diagram-slot' });
    if (this.model) {
      const list = resourceList(this.model, this.selectedId, this.handlers);
      this.options = list.options;
      const problems = this.model.problems.length > 0
        ? h('div', { class: 'problems', role: 'note' }, h('strong', {}, 'This file has problems; what follows may be partial. '), this.model.problems.slice(0, 3).join(' · '))
        : undefined;
      replaceChildren(this.root, header(this.model, this.handlers), problems, h('div', { class: 'layout' }, list.element, this.diagramSlot), this.status);
    } else {
      this.options = [];
      const reason = this.empty?.reason ?? 'Loading…';
      replaceChildren(this.root, header(undefined, this.handlers), h('p', { class: 'empty' }, reason), this.diagramSlot, this.status);
    }
    this.renderDiagram();
    if (hadFocus) this.options.find((o) => o.getAttribute('data-id') === hadFocus)?.focus();
    this.saveState();
    this.reportRendered();
  }

  private renderDiagram(): void {
    if (!this.diagramSlot) return;
    const selected: ResourceDiagram | undefined = this.model?.selected;
    if (selected && selected.id === this.selectedId) {
      replaceChildren(this.diagramSlot, resourceDiagram(selected, this.expanded, this.handlers));
      return;
    }
    const layers = this.model?.layers ?? this.empty?.layers ?? [];
    const srmUrl = this.model?.srmUrl ?? this.empty?.srmUrl;
    const hint = this.model
      ? this.model.resourceCount > 0
        ? 'Select a resource in the list, or put the cursor in one in the editor, to see who owns each layer for it.'
        : 'Add a resource to the template to see who owns each layer for it.'
      : 'The generic model: AWS secures the cloud, you secure what you put in it.';
    replaceChildren(
      this.diagramSlot,
      h('main', { class: 'diagram', 'aria-label': 'The Shared Responsibility Model' },
        h('p', { class: 'hint' }, hint),
        layers.length > 0 ? drawModel(layers, this.expanded, this.handlers) : undefined,
        srmUrl ? linkList([{ title: 'AWS Shared Responsibility Model', url: srmUrl }], this.handlers, 'Documentation') : undefined,
      ),
    );
  }

  /** Marks the selected option (aria-selected, roving tabindex) without rebuilding the list, so focus stays put. */
  private showSelection(id: string | undefined, _resource: ResourceDiagram | undefined): void {
    this.selectedId = id;
    for (const option of this.options) {
      const selected = option.getAttribute('data-id') === id;
      option.setAttribute('aria-selected', selected ? 'true' : 'false');
      option.setAttribute('tabindex', selected ? '0' : '-1');
      if (selected && !option.contains(document.activeElement) && typeof option.scrollIntoView === 'function') option.scrollIntoView({ block: 'nearest' });
    }
    if (id !== undefined && !this.options.some((o) => o.getAttribute('data-id') === id)) this.options[0]?.setAttribute('tabindex', '0');
    this.saveState();
  }

  private reportRendered(): void {
    const resources = this.options.map((o) => o.getAttribute('data-id') ?? '');
    const shown = this.model?.selected && this.model.selected.id === this.selectedId ? this.selectedId : undefined;
    this.post({ type: 'rendered', resources, ...(shown !== undefined ? { selectedId: shown } : {}) });
  }

  private saveState(): void {
    this.vscode.setState({
      ...(this.uri ? { uri: this.uri } : {}),
      ...(this.selectedId !== undefined ? { selectedId: this.selectedId } : {}),
      expanded: [...this.expanded],
    });
  }

  private post(message: ToHost): void {
    this.vscode.postMessage(message);
  }
}

const vscode = acquireVsCodeApi();
const root = document.getElementById('app') ?? document.body;
const app = new DiagramApp(root, vscode);
window.addEventListener('message', (event: MessageEvent) => app.receive(event.data as ToWebview));
app.start();
