"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.Configuration = exports.CONFIGURATION_SECTION = void 0;
const vscode = __importStar(require("vscode"));
const settings_1 = require("../core/settings");
exports.CONFIGURATION_SECTION = 'srmLens';
/** Settings per resource (folder settings may differ), cached until the configuration changes. */
class Configuration {
    cache = new Map();
    subscription;
    constructor() {
        this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
            if (event.affectsConfiguration(exports.CONFIGURATION_SECTION))
                this.cache.clear();
        });
    }
    /** Settings for a resource; undefined reads the window's (for window-scoped settings such as the scope). */
    for(uri) {
        const key = uri?.toString() ?? '';
        let settings = this.cache.get(key);
        if (!settings) {
            settings = (0, settings_1.parseSettings)(vscode.workspace.getConfiguration(exports.CONFIGURATION_SECTION, uri));
            this.cache.set(key, settings);
        }
        return settings;
    }
    dispose() {
        this.subscription.dispose();
    }
}
exports.Configuration = Configuration;
//# sourceMappingURL=configuration.js.map