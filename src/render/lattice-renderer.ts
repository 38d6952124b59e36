// Why this file exists: draws the lattice with pixi.js (WebGL) as ONE quad mesh whose fragment
// shader looks each site up in an r8unorm data texture (one byte per site, filled from the shared
// state) and colours it through a 256x1 colour table, never one sprite per cell. It owns the
// camera (zoom with the wheel around the cursor, pan by dragging, fit) and reports clicks as
// positions in um. Cell borders fade in once a site covers more than ~6 screen pixels.
import { Application, BufferImageSource, Container, Geometry, GlProgram, Mesh, Rectangle, Shader, Texture, UniformGroup } from 'pixi.js';
import type { SimState } from '../model/layout';
import { fillViewBytes, type View, viewTable } from './views';

const VERTEX = `#version 300 es
in vec2 aPosition;
in vec2 aUV;
out vec2 vUV;
uniform mat3 uProjectionMatrix;
uniform mat3 uWorldTransformMatrix;
uniform mat3 uTransformMatrix;
void main() {
  mat3 mvp = uProjectionMatrix * uWorldTransformMatrix * uTransformMatrix;
  gl_Position = vec4((mvp * vec3(aPosition, 1.0)).xy, 0.0, 1.0);
  vUV = aUV;
}
`;

// texelFetch reads the exact site (no filtering, no rounding at texel edges) and the exact table
// entry; rows of the data texture may be padded, the padding is never read. Borders are decided
// from the camera's scale (a uniform), so at normal zoom the shader is two fetches.
const FRAGMENT = `#version 300 es
precision highp float;
in vec2 vUV;
out vec4 finalColor;
uniform sampler2D uData;
uniform sampler2D uMap;
uniform vec2 uSize;
uniform float uBorder;
uniform float uPxPerSite;
void main() {
  vec2 cell = vUV * uSize;
  ivec2 ic = ivec2(clamp(floor(cell), vec2(0.0), uSize - 1.0));
  float v = texelFetch(uData, ic, 0).r;
  vec3 c = texelFetch(uMap, ivec2(int(v * 255.0 + 0.5), 0), 0).rgb;
  if (uBorder > 0.0 && uPxPerSite > 6.0) {
    float w = 1.0 / uPxPerSite;
    vec2 f = fract(cell);
    vec2 e = step(f, vec2(w)) + step(vec2(1.0 - w), f);
    c *= 1.0 - uBorder * min(1.0, max(e.x, e.y)) * smoothstep(6.0, 14.0, uPxPerSite);
  }
  finalColor = vec4(c, 1.0);
}
`;

export interface RendererOptions {
  /** background colour outside the lattice */
  background?: string;
  /** show cell borders when zoomed in (default true) */
  borders?: boolean;
}

export interface Camera {
  /** screen pixels per site */
  scale: number;
  /** screen position of the lattice's top-left corner */
  x: number;
  y: number;
}

export interface LatticeRenderer {
  readonly app: Application;
  readonly canvas: HTMLCanvasElement;
  /** bind to a lattice (its size, site length, state); fits the view */
  setState(state: SimState, site_um: number): void;
  setView(view: View): void;
  readonly view: View;
  /** refill the data texture from the state (if it may have changed) and render; returns true if drawn */
  draw(force?: boolean): boolean;
  /** ms spent filling the data texture in the last draw that refilled it */
  readonly fillMs: number;
  /** mark the state as changed (the next draw refills the texture) */
  invalidate(): void;
  fit(): void;
  /**
   * Keep the rightmost `px` CSS pixels free when fitting (a card over the lattice); re-fits now if
   * the view is still where the last fit put it (a view the user zoomed or panned stays).
   */
  reserveRight(px: number): void;
  camera(): Camera;
  /** screen pixels per um at the current zoom */
  pxPerUm(): number;
  /** position in um of a point given in canvas pixels (CSS), or null outside the lattice */
  toLattice(px: number, py: number): { x_um: number; y_um: number } | null;
  /** canvas pixel (CSS) of the centre of site (x, y) */
  siteToScreen(x: number, y: number): { px: number; py: number };
  /** called when the user clicks (not drags) on the lattice */
  onClick: ((p: { x_um: number; y_um: number }) => void) | null;
  /**
   * When set, a left-button drag calls this (start, each move, end; positions in um, not clamped
   * to the lattice) instead of panning; shift + drag still pans. Used by the treatment brush.
   */
  onDrag: ((phase: 'start' | 'move' | 'end', p: { x_um: number; y_um: number }) => void) | null;
  /** called after the camera moved */
  onCamera: (() => void) | null;
  /** draw the current state, then read back the RGBA pixels of the whole canvas (row 0 at the top) */
  readPixels(): { pixels: Uint8ClampedArray; width: number; height: number };
  destroy(): void;
}

/** Create the renderer inside `host` (the canvas fills it and follows its size). */
export async function createLatticeRenderer(host: HTMLElement, opts: RendererOptions = {}): Promise<LatticeRenderer> {
  const app = new Application();
  await app.init({
    preference: 'webgl',
    background: opts.background ?? '#0b0b0e',
    width: Math.max(1, host.clientWidth),
    height: Math.max(1, host.clientHeight),
    autoStart: false,
    sharedTicker: false,
    antialias: false,
    resolution: 1,
  });
  const canvas = app.canvas;
  canvas.style.display = 'block';
  canvas.style.touchAction = 'none';
  host.appendChild(canvas);

  const world = new Container();
  app.stage.addChild(world);

  const glProgram = GlProgram.from({ vertex: VERTEX, fragment: FRAGMENT, name: 'lattice-colormap' });
  const mapBytes = new Uint8Array(256 * 4);
  const mapSource = new BufferImageSource({
    resource: mapBytes,
    width: 256,
    height: 1,
    format: 'rgba8unorm',
    scaleMode: 'nearest',
    alphaMode: 'no-premultiply-alpha',
  });
  const uniforms = new UniformGroup({
    uSize: { value: new Float32Array([1, 1]), type: 'vec2<f32>' },
    uBorder: { value: opts.borders === false ? 0 : 0.45, type: 'f32' },
    // screen pixels per site (the camera's scale): borders only when a site is large enough
    uPxPerSite: { value: 1, type: 'f32' },
  });

  let state: SimState | null = null;
  let site = 20;
  let view: View = { id: 'fate', kind: 'fate', label: 'cell fate' };
  let mesh: Mesh<Geometry, Shader> | null = null;
  let dataSource: BufferImageSource | null = null;
  let dataBytes = new Uint8Array(0);
  let stride = 0;
  let dirtyData = true;
  let dirtyFrame = true;
  let fillMs = 0;

  const setTable = (v: View) => {
    mapBytes.set(viewTable(v));
    mapSource.update();
  };
  setTable(view);

  const camera = (): Camera => ({ scale: world.scale.x, x: world.position.x, y: world.position.y });
  const setCamera = (c: Camera) => {
    world.scale.set(c.scale);
    world.position.set(c.x, c.y);
    uniforms.uniforms.uPxPerSite = c.scale;
    dirtyFrame = true;
    r.onCamera?.();
  };

  // pixels on the right kept free by the last fit (reserveRight), and the camera that fit set
  let reserved = 0;
  let fitted: Camera | null = null;
  const fitView = () => {
    if (!state) return;
    const w = Math.max(1, app.screen.width - reserved);
    const h = app.screen.height;
    const s = Math.min(w / state.width, h / state.height) * 0.98;
    setCamera({ scale: s, x: (w - s * state.width) / 2, y: (h - s * state.height) / 2 });
    fitted = camera();
  };
  const reserveRight = (px: number) => {
    const c = camera();
    const untouched = fitted !== null && c.scale === fitted.scale && c.x === fitted.x && c.y === fitted.y;
    reserved = px > 0 && px < app.screen.width / 2 ? px : 0;
    if (untouched) fitView();
  };

  // --- mouse: wheel zoom around the cursor, drag to pan, click without drag = onClick
  const local = (e: { clientX: number; clientY: number }) => {
    const b = canvas.getBoundingClientRect();
    return { px: e.clientX - b.left, py: e.clientY - b.top };
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const { px, py } = local(e);
    const c = camera();
    const f = Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015));
    const s = Math.min(400, Math.max(0.02, c.scale * f));
    const k = s / c.scale;
    setCamera({ scale: s, x: px - (px - c.x) * k, y: py - (py - c.y) * k });
  };
  const toUm = (px: number, py: number) => {
    const c = camera();
    return { x_um: ((px - c.x) / c.scale) * site, y_um: ((py - c.y) / c.scale) * site };
  };
  let drag: { id: number; px: number; py: number; x: number; y: number; moved: boolean; paint: boolean } | null = null;
  const onDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const { px, py } = local(e);
    const c = camera();
    const paint = r.onDrag !== null && !e.shiftKey;
    drag = { id: e.pointerId, px, py, x: c.x, y: c.y, moved: false, paint };
    try {
      canvas.setPointerCapture(e.pointerId);
    } catch {
      // synthetic events (scripts, tests) have no active pointer to capture
    }
    if (paint) r.onDrag?.('start', toUm(px, py));
  };
  const onMove = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    const { px, py } = local(e);
    if (drag.paint) {
      drag.moved = true;
      r.onDrag?.('move', toUm(px, py));
      return;
    }
    const dx = px - drag.px;
    const dy = py - drag.py;
    if (!drag.moved && dx * dx + dy * dy < 16) return;
    drag.moved = true;
    canvas.style.cursor = 'grabbing';
    setCamera({ scale: camera().scale, x: drag.x + dx, y: drag.y + dy });
  };
  const onUp = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    const wasDrag = drag.moved;
    const paint = drag.paint;
    drag = null;
    canvas.style.cursor = '';
    if (canvas.hasPointerCapture(e.pointerId)) canvas.releasePointerCapture(e.pointerId);
    if (paint) {
      const q = local(e);
      r.onDrag?.('end', toUm(q.px, q.py));
      return;
    }
    if (wasDrag) return;
    const { px, py } = local(e);
    const p = r.toLattice(px, py);
    if (p) r.onClick?.(p);
  };
  canvas.addEventListener('wheel', onWheel, { passive: false });
  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('pointercancel', onUp);
  const ro = new ResizeObserver(() => {
    const w = Math.max(1, host.clientWidth);
    const h = Math.max(1, host.clientHeight);
    if (w === app.screen.width && h === app.screen.height) return;
    app.renderer.resize(w, h);
    dirtyFrame = true;
  });
  ro.observe(host);

  const r: LatticeRenderer = {
    app,
    canvas,
    get view() {
      return view;
    },
    get fillMs() {
      return fillMs;
    },
    onClick: null,
    onDrag: null,
    onCamera: null,
    setState(st, site_um) {
      const sameSize = state && mesh && state.width === st.width && state.height === st.height;
      state = st;
      site = site_um;
      dirtyData = true;
      dirtyFrame = true;
      if (sameSize) return;
      if (mesh) {
        world.removeChild(mesh);
        mesh.destroy();
        dataSource?.destroy();
      }
      const W = st.width;
      const H = st.height;
      // WebGL's default unpack alignment is 4 bytes: pad each row to a multiple of 4
      stride = (W + 3) & ~3;
      dataBytes = new Uint8Array(stride * H);
      dataSource = new BufferImageSource({
        resource: dataBytes,
        width: stride,
        height: H,
        format: 'r8unorm',
        scaleMode: 'nearest',
        alphaMode: 'no-premultiply-alpha',
      });
      uniforms.uniforms.uSize = new Float32Array([W, H]);
      const geometry = new Geometry({
        attributes: {
          aPosition: new Float32Array([0, 0, W, 0, W, H, 0, H]),
          aUV: new Float32Array([0, 0, 1, 0, 1, 1, 0, 1]),
        },
        indexBuffer: new Uint32Array([0, 1, 2, 0, 2, 3]),
      });
      const shader = new Shader({ glProgram, resources: { uData: dataSource, uMap: mapSource, lattice: uniforms } });
      mesh = new Mesh<Geometry, Shader>({ geometry, shader, texture: Texture.EMPTY });
      world.addChild(mesh);
      fitView();
    },
    setView(v) {
      view = v;
      setTable(v);
      dirtyData = true;
      dirtyFrame = true;
    },
    invalidate() {
      dirtyData = true;
      dirtyFrame = true;
    },
    draw(force = false) {
      if (!state || !dataSource) return false;
      if (dirtyData || force) {
        const t0 = performance.now();
        fillViewBytes(view, state, dataBytes, stride);
        fillMs = performance.now() - t0;
        dataSource.update();
        dirtyData = false;
        dirtyFrame = true;
      }
      if (!dirtyFrame && !force) return false;
      app.render();
      dirtyFrame = false;
      return true;
    },
    fit: fitView,
    reserveRight,
    camera,
    pxPerUm: () => world.scale.x / site,
    toLattice(px, py) {
      if (!state) return null;
      const c = camera();
      const sx = (px - c.x) / c.scale;
      const sy = (py - c.y) / c.scale;
      if (sx < 0 || sy < 0 || sx >= state.width || sy >= state.height) return null;
      return { x_um: sx * site, y_um: sy * site };
    },
    siteToScreen(x, y) {
      const c = camera();
      return { px: c.x + (x + 0.5) * c.scale, py: c.y + (y + 0.5) * c.scale };
    },
    readPixels() {
      r.draw(true);
      const w = app.screen.width;
      const h = app.screen.height;
      const out = app.renderer.extract.pixels({ target: app.stage, frame: new Rectangle(0, 0, w, h), resolution: 1 });
      return { pixels: out.pixels, width: out.width, height: out.height };
    },
    destroy() {
      ro.disconnect();
      canvas.removeEventListener('wheel', onWheel);
      canvas.removeEventListener('pointerdown', onDown);
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerup', onUp);
      canvas.removeEventListener('pointercancel', onUp);
      app.destroy({ removeView: true }, { children: true });
    },
  };
  return r;
}
