/** Types for electron-native.mjs (used by the Electron e2e tests). */
export declare function electronVersion(): string;
export declare function electronBinary(options?: { timeoutMs?: number }): { path: string; reason?: undefined } | { path?: undefined; reason: string };
export declare function electronSqliteBinding(electronVersion: string, options?: { build: boolean }): string | null;
