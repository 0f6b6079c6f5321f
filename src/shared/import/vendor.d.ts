// The slice of papaparse that src/shared uses, typed here on purpose: @types/papaparse starts
// with `/// <reference types="node" />`, which would put Node's globals (process, Buffer) into
// every src/shared compilation and silently defeat tsconfig.shared.json's "no Node" rule.
// Importing 'papaparse/papaparse.min.js' (the package's browser build, which also runs in Node and,
// unlike papaparse.js, never requires Node's 'stream') makes TypeScript use this declaration
// instead; bundlers and Node resolve it to the real module.
declare module 'papaparse/papaparse.min.js' {
  interface PapaParseConfig {
    /** '' (the default) guesses among delimitersToGuess. */
    delimiter?: string
    delimitersToGuess?: string[]
    newline?: string
    quoteChar?: string
    skipEmptyLines?: boolean | 'greedy'
    /** Parse only this many rows. */
    preview?: number
    header?: false
    dynamicTyping?: false
  }
  interface PapaParseResult {
    data: string[][]
    errors: Array<{ type: string; code: string; message: string; row?: number }>
    meta: { delimiter: string; linebreak: string; aborted: boolean; truncated: boolean }
  }
  const Papa: { parse(input: string, config: PapaParseConfig): PapaParseResult }
  export default Papa
}
