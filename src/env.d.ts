/** CSS files are imported as text (esbuild loader "text") and put in shadow roots. */
declare module '*.css' {
  const css: string;
  export default css;
}
