// Generates dist/custom-elements.json (editor hints, docs) from the elements' JSDoc.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/host.styles.ts'],
  outdir: 'dist',
  litelement: true,
};
