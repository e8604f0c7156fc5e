"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Lazy = void 0;
/** A value loaded on first use and shared by concurrent callers; a failed load is tried again next time. */
class Lazy {
    load;
    pending;
    constructor(load) {
        this.load = load;
    }
    get() {
        this.pending ??= this.load().catch((error) => {
            this.pending = undefined;
            throw error;
        });
        return this.pending;
    }
}
exports.Lazy = Lazy;
//# sourceMappingURL=lazy.js.map