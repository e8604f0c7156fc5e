"use strict";
// The JSON-serialisable input of the responsibility diagram (the webview) and the shape behind the Markdown
// report. Types only, with no imports: the webview bundle type-checks against this file without pulling in the
// core. Built by diagramModel.ts.
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=diagramTypes.js.map