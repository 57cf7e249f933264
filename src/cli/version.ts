/** nslab's version, as package.json says (checked by test/unit/cli-version.test.ts). */
export const VERSION = '0.1.0';
