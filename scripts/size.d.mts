// Types of scripts/size.mjs, for the tests that import it.
export interface Sizes {
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
}
export interface FileSizes extends Sizes {
  /** Path inside the CDN folder, e.g. `chunks/hls-abc123.js`. */
  readonly file: string;
  /** Rollup's chunk name (`hls` for hls.js). */
  readonly name: string;
  readonly hls: boolean;
}
export interface SizeReport {
  readonly files: readonly FileSizes[];
  /** vitrine.js and everything it imports statically. */
  readonly entry: Sizes & { readonly files: readonly string[] };
  /** The classic loader in front of the entry. */
  readonly classicEntry: Sizes & { readonly files: readonly string[] };
  readonly widget: Sizes;
  readonly hls: Sizes;
}
export declare const KB: number;
export declare const BUDGETS: { readonly entry: number; readonly widget: number };
/** Enforced ceilings where a design budget is not met yet (a ratchet). */
export declare const CEILINGS: { readonly widget: number };
export declare function measure(dir?: string, manifestPath?: string): SizeReport;
export declare function overBudget(report: SizeReport): string[];
