// Why this file exists: types vite's `?raw` imports (a file's text), used by the page (the published
// titrations of data/) and by the browser tests to mount index.html's markup; tsconfig loads node
// types only, not vite/client.
declare module '*?raw' {
  const text: string;
  export default text;
}
