// Whether this page can draw WebGL2 at all (deck.gl 9 needs it). Checked before mounting deck.gl, because
// without it deck.gl fails asynchronously and would leave a blank tile; the answer does not change during a page's
// life, so it is computed once.
let answer: boolean | null = null;

export function hasWebGL2(): boolean {
  if (answer !== null) return answer;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    answer = gl !== null;
    // Contexts are a scarce per-page resource (Chromium keeps about 16): give the probe's back at once.
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    answer = false;
  }
  return answer;
}
