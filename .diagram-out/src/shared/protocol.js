"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=protocol.js.map