declare const __VITRINE_VERSION__: string | undefined;

/** The version of this build; lets two copies of Vitrine on one page tell each other apart. */
export const VERSION: string = typeof __VITRINE_VERSION__ === 'string' ? __VITRINE_VERSION__ : '0.0.0-dev';
