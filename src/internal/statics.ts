// The elements declare `styles` and `version` as static getters, not fields (see "Static getters"
// in rollup.config.mjs). A getter alone would make `static styles = …` in a subclass throw where
// TypeScript compiles it to an assignment (`useDefineForClassFields: false`, as Lit recommends),
// so each getter has a setter that gives the subclass its own value.

/** Makes `name` an own, writable static property of `target` (the class being assigned to). */
export function ownStatic(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: true });
}
