import pkg from '../../package.json'

/** This build's version (package.json). */
export const VERSION: string = pkg.version
