/** Shared by the build and the server (which must not import the build's esbuild). */

/** Where the hashed bundles live, next to the loader (dist/widget/). */
export const bundleDirName = 'widget';
/** A bundle's file name: the first 12 hex digits of its sha256. */
export const bundleNamePattern = /^widget-[0-9a-f]{12}\.js$/;
