/** The release (and build id) of this app, injected at build time by Vite `define`. */
declare const __APP_VERSION__: string;
