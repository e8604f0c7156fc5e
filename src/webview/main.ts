// The diagram webview's entry point (browser only; bundled to dist/webview/main.js as an IIFE). Says `ready`,
// then renders whatever model the host sends. State survives hiding and reloads through vscode.setState.
import type { DiagramModel, ModelLayer, ResourceDiagram } from '../core/render/diagramTypes';
import type { DiagramState, ToHost, ToWebview } from '../shared/protocol';
import { h, replaceChildren } from './dom';
import { ResourceList } from './list';
import type { ListOptions } from './list';
import { header, linkList, model as drawModel, resourceDiagram } from './view';
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
  private listOptions: ListOptions;
  private uri: string | undefined;
  private list: ResourceList | undefined;
  /** The selected resource's details: beside the list when the panel is wide, above it when narrow. */
  private diagramSlot: HTMLElement | undefined;
  /** The resource the details show, to keep their scroll position when the same one is redrawn. */
  private shownId: string | undefined;
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
    this.listOptions = { onlyOpen: state?.onlyOpen ?? false, sort: state?.sort ?? 'template', collapsed: state?.collapsed ?? [] };
    this.status = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    this.handlers = {
      resource: (id, reveal) => {
        this.selectedId = id;
        this.list?.select(id);
        this.saveState();
        if (reveal) this.revealDetails();
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
      case 'model': {
        // Only an edit's redraw of the same document keeps the scroll positions.
        const redraw = this.model !== undefined && message.uri === this.uri && message.reveal !== true;
        this.uri = typeof message.uri === 'string' ? message.uri : this.uri;
        this.model = message.model;
        this.empty = undefined;
        this.selectedId = message.model.selectedId;
        this.render(redraw ? 'redraw' : message.reveal === true ? 'reveal' : 'show');
        break;
      }
      case 'select':
        if (!this.model) return;
        this.model = message.id === undefined
          ? { ...this.model, selectedId: undefined, selected: undefined }
          : { ...this.model, selectedId: message.id, ...(message.resource ? { selected: message.resource } : {}) };
        this.selectedId = message.id;
        this.list?.select(message.id);
        this.saveState();
        this.renderDiagram();
        if (message.reveal) this.revealDetails();
        if (message.resource) this.status.textContent = `Showing ${message.resource.id}`;
        this.reportRendered();
        break;
      case 'empty':
        this.model = undefined;
        this.empty = { reason: message.reason, layers: message.layers, srmUrl: message.srmUrl };
        this.selectedId = undefined;
        this.render('show');
        break;
    }
  }

  /**
   * Rebuilds the page, keeping the focus. `redraw` (an edit) keeps the list's and the details' scroll positions;
   * `show` scrolls the list to the selected row; `reveal` also brings the details into view.
   */
  private render(mode: 'redraw' | 'show' | 'reveal'): void {
    const focused = this.list?.focusedId;
    const listScroll = mode === 'redraw' ? this.list?.scrollTop : undefined;
    const detailsScroll = mode === 'redraw' ? this.diagramSlot?.scrollTop : undefined;
    this.diagramSlot = h('div', { class: 'diagram-slot' });
    if (this.model) {
      this.list = new ResourceList(this.model, this.selectedId, this.listOptions, {
        resource: (id, revealIt) => this.handlers.resource(id, revealIt),
        options: (options) => {
          this.listOptions = options;
          this.saveState();
        },
      });
      const problems = this.model.problems.length > 0
        ? h('div', { class: 'problems', role: 'note' }, h('strong', {}, 'This file has problems; what follows may be partial. '), this.model.problems.slice(0, 3).join(' · '))
        : undefined;
      replaceChildren(this.root, header(this.model, this.handlers), problems, h('div', { class: 'layout' }, this.list.element, this.diagramSlot), this.status);
      if (listScroll !== undefined) this.list.scrollTop = listScroll;
      else this.list.select(this.selectedId);
    } else {
      this.list = undefined;
      const reason = this.empty?.reason ?? 'Loading…';
      replaceChildren(this.root, header(undefined, this.handlers), h('p', { class: 'empty' }, reason), this.diagramSlot, this.status);
    }
    this.renderDiagram(detailsScroll);
    if (mode === 'reveal') this.revealDetails();
    if (focused !== undefined) this.list?.focus(focused);
    this.saveState();
    this.reportRendered();
  }

  /** Draws the selected resource's details; the same resource redrawn stays at `scroll`, another starts at its top. */
  private renderDiagram(scroll = this.diagramSlot?.scrollTop): void {
    const slot = this.diagramSlot;
    if (!slot) return;
    const selected: ResourceDiagram | undefined = this.model?.selected;
    if (selected && selected.id === this.selectedId) {
      replaceChildren(slot, resourceDiagram(selected, this.expanded, this.handlers));
      slot.scrollTop = selected.id === this.shownId ? scroll ?? 0 : 0;
      this.shownId = selected.id;
      return;
    }
    this.shownId = undefined;
    const layers = this.model?.layers ?? this.empty?.layers ?? [];
    const srmUrl = this.model?.srmUrl ?? this.empty?.srmUrl;
    const hint = this.model
      ? this.model.resourceCount > 0
        ? 'Select a resource in the list, or put the cursor in one in the editor, to see who owns each layer for it.'
        : 'Add a resource to the template to see who owns each layer for it.'
      : 'The generic model: AWS secures the cloud, you secure what you put in it.';
    replaceChildren(
      slot,
      h('main', { class: 'diagram', 'aria-label': 'The Shared Responsibility Model' },
        h('p', { class: 'hint' }, hint),
        layers.length > 0 ? drawModel(layers, this.expanded, this.handlers) : undefined,
        srmUrl ? linkList([{ title: 'AWS Shared Responsibility Model', url: srmUrl }], this.handlers, 'Documentation') : undefined,
      ),
    );
  }

  /**
   * Brings the details into view: at their top, and on screen. In the two-pane layout they always are; in a
   * panel too short for panes the page scrolls to them.
   */
  private revealDetails(): void {
    const slot = this.diagramSlot;
    if (!slot) return;
    slot.scrollTop = 0;
    const top = slot.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight / 2) slot.scrollIntoView({ block: 'start' });
  }

  private reportRendered(): void {
    const resources = this.list?.ids ?? [];
    const shown = this.model?.selected && this.model.selected.id === this.selectedId ? this.selectedId : undefined;
    this.post({ type: 'rendered', resources, ...(shown !== undefined ? { selectedId: shown } : {}) });
  }

  private saveState(): void {
    this.vscode.setState({
      ...(this.uri ? { uri: this.uri } : {}),
      ...(this.selectedId !== undefined ? { selectedId: this.selectedId } : {}),
      expanded: [...this.expanded],
      onlyOpen: this.listOptions.onlyOpen,
      sort: this.listOptions.sort,
      collapsed: [...this.listOptions.collapsed],
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
