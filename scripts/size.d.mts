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
  /** Who downloads it, from the chunk name: `shopper`, `staff` (`staff-*`), `language` (`i18n-*`), `platform` (`cart-*`), `hls`. */
  readonly kind: 'shopper' | 'staff' | 'language' | 'platform' | 'hls';
  /** The language or shop platform of an alternative chunk. */
  readonly group?: string;
}
export interface SizeReport {
  readonly files: readonly FileSizes[];
  /** vitrine.js and everything it imports statically. */
  readonly entry: Sizes & { readonly files: readonly string[] };
  /** The classic loader in front of the entry. */
  readonly classicEntry: Sizes & { readonly files: readonly string[] };
  /** The most one shopper's widget downloads, hls.js aside (one language, one shop platform, no staff code). */
  readonly widget: Sizes & { readonly files: readonly string[] };
  /** Every file but hls.js. */
  readonly all: Sizes & { readonly files: readonly string[] };
  readonly hls: Sizes;
  /** `shopper-chunk -> staff-chunk` static imports (must be none). */
  readonly staffImports: readonly string[];
}
export declare const KB: number;
export declare const BUDGETS: { readonly entry: number; readonly widget: number };
/** Enforced ceilings where a design budget is not met yet (a ratchet). */
export declare const CEILINGS: { readonly widget: number };
export declare function chunkKind(name: string): { kind: FileSizes['kind']; group?: string };
export declare function measure(dir?: string, manifestPath?: string): SizeReport;
export declare function overBudget(report: SizeReport): string[];
