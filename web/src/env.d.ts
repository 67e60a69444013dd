// esbuild bundles `import './styles.css'` into assets/app-<hash>.css.
declare module '*.css';
