/** Types for find-chromium.mjs (imported by playwright.config.ts and the tests). */
export declare const CHROMIUM_ARGS: readonly string[];
export declare function findChromium(env?: NodeJS.ProcessEnv): { path: string; source: string } | null;
