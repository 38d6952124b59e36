// Why this file exists: the kernel compiler. It reads a TypeScript function of the model (the one
// source of a rate law or a field sweep, which is also what runs where WebAssembly does not) and
// writes the WebAssembly text that runs it two lanes at a time (f64x2 SIMD): two cells, two
// columns or two rows per vector, as a SPMD compiler does. Values the same in both lanes stay
// scalar; values that differ per lane become vectors; `if`s on per-lane conditions become masks,
// and a lane that `continue`s is retired for the rest of the iteration. Every floating-point
// operation is the IEEE double operation of the TypeScript, in the same order (no fused
// multiply-add, no reassociation), float32 loads widen exactly and stores round to nearest like a
// Float32Array, and lanes that a mask leaves out keep their old bits: the WebAssembly gives the
// bits of the TypeScript (test/model/kernels-identity.test.ts holds them to it).
// The subset it accepts is in docs/architecture.md ("Kernels"); anything else is an error naming
// the line.
import ts from 'typescript';
import {
  ALL_LANES,
  type Arr,
  f64const,
  i32const,
  isVarying,
  LANE0,
  laneSet,
  type Lit,
  mask32,
  maskOfLanes,
  maskOfUniform,
  type Obj,
  popcount,
  type Uni,
  type Val,
  type VecI,
} from './values';

/** What the compiler needs to know of the model's memory and constants. */
export interface KernelEnv {
  /** exports of the model's modules by absolute file path (for imported constants) */
  modules: Map<string, Record<string, unknown>>;
  /** byte address of the parameter block and each parameter's index in it */
  paramsAt: number;
  paramIndex: Map<string, number>;
  /** byte address of the layout block (one i32 byte address per named array) and each name's slot */
  layoutAt: number;
  layoutSlot: Map<string, number>;
  /** module constants that are typed arrays at a fixed address in every state (PHENO_DECODE) */
  fixedArrays: Map<string, { elem: Arr['elem']; addr: number }>;
}

/** One argument of a compiled kernel: its WebAssembly type and the JavaScript the binding passes. */
export interface KernelArg {
  wasm: 'i32' | 'f64';
  js: string;
}

export interface CompiledFunction {
  name: string;
  /** the source function's parameter names (the binding takes the same) */
  sourceParams: string[];
  args: KernelArg[];
  result: 'i32' | 'f64' | null;
  /** whether it reads the parameter block (the binding writes it first) */
  readsParams: boolean;
  /** the name of its ParamValues parameter */
  paramsName: string | null;
  wat: string;
  exported: boolean;
  /** the parameters bounding the lane loop when the odd last lane is left to another function (`odd`) */
  laneBounds: { start: string; end: string } | null;
  /**
   * with laneBounds: the same kernel compiled for one lane, exported as `<name>_odd`, which the
   * binding calls for the odd last lane from `start` (a separate function keeps the hot one half
   * the size; a call of the TypeScript source instead costs ~1 us, which short row segments pay
   * once each)
   */
  odd: CompiledFunction | null;
  /** the `_sites` variant (SiteTargets), if the kernel has one */
  sites: CompiledFunction | null;
  /** the source function's parameter types (text), for the bindings' signatures */
  sourceTypes: string[];
}

/**
 * A kernel whose treatment targets (a Float64Array parameter read at constant indices, `T[k]`)
 * may differ from site to site: its `<name>_sites` variant reads `T[k]` of site i from row
 * `sets[i - start]` (a Uint8Array the binding takes after the table) of a table of `rowLength`
 * f64 per row, instead of one value for the whole call. The reads must be inside the lane loop.
 * Tagged on the kernel as `@siteTargets T ROW_LENGTH_CONSTANT`.
 */
export interface SiteTargets {
  param: string;
  rowLength: number;
}

export class KernelError extends Error {}

type Binding =
  | { kind: 'alias'; val: Val }
  | { kind: 'u'; name: string; ty: Uni['ty']; mutable: boolean; unsigned?: boolean; depth: number; lane: number }
  | { kind: 'vf'; name: string; depth: number; lane: number }
  | { kind: 'vi'; n0: string; n1: string; stride: VecI['stride']; depth: number; lane: number; mutable: boolean }
  | { kind: 'm'; name: string; depth: number; lane: number };

interface LaneCtx {
  id: number;
  sym: ts.Symbol;
  varName: string;
  mode: 'pair' | 'tail';
  label: string;
  /** the hoisted splats of immutable scalar locals: local -> v128 local */
  splats: Map<string, string>;
  /**
   * consts declared in the loop body whose values are the same for every lane and iteration (made
   * of arguments, parameters and other such consts: pure arithmetic), computed once before the
   * loop instead (their local, then the code that sets it)
   */
  pre: Map<string, string>;
  /** mask locals, one per depth (index 0: the lanes still live in this iteration) */
  masks: string[];
  /** each mask local's narrowing to the float32 lanes 0 and 1 (for masked float32 stores) */
  m32: Map<string, string>;
  /** the masks whose narrowing is known to be current here (only within one straight run of statements) */
  fresh: Set<string>;
  /**
   * float32 pairs loaded in this iteration, by array and index, whose raw bits a local holds (a
   * masked store keeps the old bits of a lane from them instead of loading again); only loads
   * that surely ran before the statement being compiled, and no store to that array since
   */
  raw: Map<string, { base: string; local: string }>;
  /** whether every lane of the current mask is known set */
  full: boolean;
  /** a continue retired lanes in the statement being compiled at depth 0 */
  retired: boolean;
}

const SIDE_FREE_MATH = new Set(['max', 'min', 'sqrt', 'abs', 'imul', 'floor', 'ceil', 'trunc']);

/** Compiles the functions of one program; call compileFunction for each kernel, then module(). */
export class KernelCompiler {
  private readonly checker: ts.TypeChecker;
  private readonly helpers = new Map<ts.FunctionDeclaration, CompiledFunction | 'pending'>();
  private readonly order: CompiledFunction[] = [];

  /**
   * tailToSource: a kernel whose lane loop runs between two of its parameters leaves an odd last
   * lane to a function of its own (`<name>_odd`, the same kernel compiled for one lane; the binding
   * calls it), which keeps the hot function half the size: V8 compiles it to optimised code sooner
   * (on two busy cores its background compile of a big function lagged behind the workers)
   */
  constructor(
    readonly program: ts.Program,
    readonly env: KernelEnv,
    readonly tailToSource = false,
  ) {
    this.checker = program.getTypeChecker();
  }

  /** Compile an exported kernel (lanes: the loop variable run two per vector, or null). */
  compileKernel(fn: ts.FunctionDeclaration, lanes: string | null, siteTargets: SiteTargets | null = null): CompiledFunction {
    const variant = (site: SiteTargets | null): CompiledFunction => {
      const c = new FunctionCompiler(this, fn, lanes, true, false, site).compile();
      this.order.push(c);
      if (c.laneBounds) {
        c.odd = new FunctionCompiler(this, fn, lanes, true, true, site).compile();
        this.order.push(c.odd);
      }
      return c;
    };
    const c = variant(null);
    if (siteTargets) {
      if (!c.laneBounds) throw new KernelError(`${where(fn)}: a kernel with @siteTargets must run its lanes between two of its parameters`);
      c.sites = variant(siteTargets);
    }
    return c;
  }

  /** a helper function called by a kernel (compiled once, scalar) */
  helper(fn: ts.FunctionDeclaration): CompiledFunction {
    const done = this.helpers.get(fn);
    if (done === 'pending') throw new KernelError(`${where(fn)}: recursive call`);
    if (done) return done;
    this.helpers.set(fn, 'pending');
    const c = new FunctionCompiler(this, fn, null, false).compile();
    this.helpers.set(fn, c);
    this.order.push(c);
    return c;
  }

  get typeChecker(): ts.TypeChecker {
    return this.checker;
  }

  /** The module text: every compiled function, memory imported as `memory` (placeholder @MEMORY@). */
  module(): string {
    return ['(module', '  (import "env" "memory" (memory @MEMORY@))', ...this.order.map((f) => f.wat), ')', ''].join('\n');
  }
}

export function where(node: ts.Node): string {
  const sf = node.getSourceFile();
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
  return `${sf.fileName.replace(/^.*\/src\//, 'src/')}:${line + 1}`;
}

function fail(node: ts.Node, msg: string): never {
  throw new KernelError(`${where(node)}: ${msg} (in \`${node.getText().slice(0, 80)}\`)`);
}

class FunctionCompiler {
  private readonly checker: ts.TypeChecker;
  private readonly env: KernelEnv;
  private readonly locals: string[] = [];
  private readonly bindings = new Map<ts.Symbol, Binding>();
  private readonly args: KernelArg[] = [];
  private readonly argByJs = new Map<string, string>();
  private readonly lets = new Map<ts.Symbol, 'int' | 'float'>();
  private lane: LaneCtx | null = null;
  private laneCount = 0;
  private labelCount = 0;
  private localCount = 0;
  private readsParams = false;
  private paramsName: string | null = null;
  private result: 'i32' | 'f64' | null = null;
  private laneBounds: { start: string; end: string } | null = null;
  /** the parameter the lane loop starts at (the text of its start when that is a parameter) */
  private laneStart: string | null = null;
  /** > 0 while compiling an operand that may not be evaluated (the right side of a lazy && or ||) */
  private lazy = 0;
  /** scalar loops enclosing the current statement (innermost last): their continue labels */
  private loops: { cont: string; lane: number }[] = [];

  constructor(
    private readonly kc: KernelCompiler,
    private readonly fn: ts.FunctionDeclaration,
    private readonly lanes: string | null,
    private readonly exported: boolean,
    /** compile the lane loop for its first lane only (the odd last lane of a split kernel) */
    private readonly oddOnly = false,
    /** compile the `_sites` variant: the targets of each site from a table (SiteTargets) */
    private readonly site: SiteTargets | null = null,
  ) {
    this.checker = kc.typeChecker;
    this.env = kc.env;
  }

  compile(): CompiledFunction {
    const fn = this.fn;
    if (!fn.body || !fn.name) fail(fn, 'a kernel needs a name and a body');
    this.prescanLets(fn.body);
    const sourceParams: string[] = [];
    for (const p of fn.parameters) {
      if (!ts.isIdentifier(p.name)) fail(p, 'parameters must be plain names');
      const name = p.name.text;
      sourceParams.push(name);
      const sym = this.symbolOf(p.name);
      const type = p.type?.getText() ?? 'number';
      this.bindings.set(sym, this.paramBinding(p, name, type));
    }
    const body = this.block(fn.body.statements, 2);
    const ret = fn.type?.getText();
    if (this.result === null && ret && ret !== 'void') this.result = ret === 'int' ? 'i32' : 'f64';
    const name = `${fn.name.text}${this.site ? '_sites' : ''}${this.oddOnly ? '_odd' : ''}`;
    const head = `  (func $${name}${this.exported ? ` (export "${name}")` : ''} ${this.args.map((a, k) => `(param $a${k} ${a.wasm})`).join(' ')}${this.result ? ` (result ${this.result})` : ''}`;
    const doc = `  ;; ${name}: compiled from ${where(fn)}`;
    const wat = [doc, head, ...this.locals.map((l) => `    ${l}`), ...body, this.result ? `    (unreachable)` : '', '  )'].filter((l) => l !== '').join('\n');
    return {
      name,
      sourceParams,
      args: this.args,
      result: this.result,
      readsParams: this.readsParams,
      paramsName: this.paramsName,
      wat,
      exported: this.exported,
      laneBounds: this.laneBounds,
      odd: null,
      sites: null,
      sourceTypes: fn.parameters.map((p) => p.type?.getText() ?? 'number'),
    };
  }

  // ---------------------------------------------------------------- declarations and types

  private symbolOf(node: ts.Node): ts.Symbol {
    const s = this.checker.getSymbolAtLocation(node);
    if (!s) fail(node, 'unknown name');
    return s;
  }

  /** `let` variables: int when only ever incremented or used as a loop counter, else float */
  private prescanLets(body: ts.Node): void {
    const kinds = new Map<ts.Symbol, 'int' | 'float'>();
    const visit = (n: ts.Node): void => {
      if (ts.isForStatement(n) && n.initializer && ts.isVariableDeclarationList(n.initializer)) {
        for (const d of n.initializer.declarations) if (ts.isIdentifier(d.name)) kinds.set(this.symbolOf(d.name), 'int');
      }
      ts.forEachChild(n, visit);
    };
    visit(body);
    const assigns = (n: ts.Node): void => {
      if (
        (ts.isPostfixUnaryExpression(n) || ts.isPrefixUnaryExpression(n)) &&
        (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken) &&
        ts.isIdentifier(n.operand)
      ) {
        const s = this.checker.getSymbolAtLocation(n.operand);
        if (s && !kinds.has(s)) kinds.set(s, 'int');
      }
      ts.forEachChild(n, assigns);
    };
    assigns(body);
    for (const [s, k] of kinds) this.lets.set(s, k);
  }

  private newLocal(prefix: string, ty: 'i32' | 'f64' | 'v128'): string {
    const name = `$${prefix.replace(/[^A-Za-z0-9_]/g, '_')}_${this.localCount++}`;
    this.locals.push(`(local ${name} ${ty})`);
    return name;
  }

  private label(prefix: string): string {
    return `$${prefix}${this.labelCount++}`;
  }

  private arg(js: string, wasm: 'i32' | 'f64'): string {
    let a = this.argByJs.get(js);
    if (!a) {
      a = `$a${this.args.length}`;
      this.args.push({ wasm, js });
      this.argByJs.set(js, a);
    }
    return `(local.get ${a})`;
  }

  private paramBinding(p: ts.ParameterDeclaration, name: string, type: string): Binding {
    const fixed = (val: Val): Binding => ({ kind: 'alias', val });
    if (this.site && name === this.site.param) {
      if (type !== 'Float64Array' || !this.constantIndexedOnly(p)) fail(p, `@siteTargets ${name}: must be a Float64Array read at compile-time indices`);
      return fixed({ kind: 'obj', what: 'siteTable', js: name, type: 'array' });
    }
    if ((type === 'int' || type === 'number') && this.assigned(p)) {
      // a parameter the function changes: a local like any other
      const ty = type === 'int' ? 'i32' : 'f64';
      const code = this.arg(name, ty);
      return { kind: 'u', name: code.slice('(local.get '.length, -1), ty, mutable: true, depth: 0, lane: -1 };
    }
    switch (type) {
      case 'int':
        return fixed({ kind: 'u', ty: 'i32', code: this.arg(name, 'i32'), hoist: true });
      case 'number':
        return fixed({ kind: 'u', ty: 'f64', code: this.arg(name, 'f64'), hoist: true });
      case 'boolean':
        return fixed({ kind: 'u', ty: 'bool', code: this.arg(`(${name} ? 1 : 0)`, 'i32') });
      case 'Float32Array':
      case 'Float64Array':
      case 'Uint8Array':
      case 'ExchangeMatrix':
        if (type !== 'ExchangeMatrix' && !this.constantIndexedOnly(p)) {
          const elem = type === 'Float32Array' ? 'f32' : type === 'Float64Array' ? 'f64' : 'u8';
          return fixed({ kind: 'arr', elem, base: this.arg(`${name}.byteOffset`, 'i32') });
        }
        return fixed({ kind: 'obj', what: 'unpacked', js: name, type: 'array' });
      case 'SimState':
        return fixed({ kind: 'obj', what: 'state', js: name, type, path: '' });
      case 'ParamValues':
        this.paramsName = name;
        return fixed({ kind: 'obj', what: 'params', js: name, type });
      default:
        return fixed({ kind: 'obj', what: 'unpacked', js: name, type, tsType: this.checker.getTypeAtLocation(p) });
    }
  }

  /** whether the function assigns to parameter p */
  private assigned(p: ts.ParameterDeclaration): boolean {
    const sym = this.symbolOf(p.name);
    let found = false;
    const visit = (n: ts.Node): void => {
      if (
        ts.isBinaryExpression(n) &&
        n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
        n.operatorToken.kind <= ts.SyntaxKind.LastAssignment &&
        ts.isIdentifier(n.left) &&
        this.checker.getSymbolAtLocation(n.left) === sym
      )
        found = true;
      if (
        (ts.isPostfixUnaryExpression(n) || ts.isPrefixUnaryExpression(n)) &&
        ts.isIdentifier(n.operand) &&
        this.checker.getSymbolAtLocation(n.operand) === sym
      )
        found = true;
      ts.forEachChild(n, visit);
    };
    visit(this.fn.body!);
    return found;
  }

  /** whether every use of parameter p is an element access with a compile-time index */
  private constantIndexedOnly(p: ts.ParameterDeclaration): boolean {
    const sym = this.symbolOf(p.name);
    let ok = true;
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n) && n !== p.name && this.checker.getSymbolAtLocation(n) === sym) {
        const parent = n.parent;
        if (!(ts.isElementAccessExpression(parent) && parent.expression === n && this.tryConst(parent.argumentExpression) !== undefined)) ok = false;
      }
      ts.forEachChild(n, visit);
    };
    visit(this.fn.body!);
    return ok;
  }

  // ---------------------------------------------------------------- compile-time constants

  /** the compile-time value of an expression outside the function (imported or module constants), or undefined */
  private tryConst(node: ts.Expression): unknown {
    try {
      return this.evalConst(node);
    } catch {
      return undefined;
    }
  }

  private evalConst(node: ts.Expression): unknown {
    if (ts.isNumericLiteral(node)) return Number(node.text);
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return this.evalConst(node.expression);
    if (ts.isPrefixUnaryExpression(node)) {
      const v = this.evalConst(node.operand) as number;
      if (node.operator === ts.SyntaxKind.MinusToken) return -v;
      if (node.operator === ts.SyntaxKind.TildeToken) return ~v;
      if (node.operator === ts.SyntaxKind.PlusToken) return +v;
      throw new Error('op');
    }
    if (ts.isPropertyAccessExpression(node)) {
      const o = this.evalConst(node.expression) as Record<string, unknown>;
      if (o === null || typeof o !== 'object' || !Object.hasOwn(o, node.name.text)) throw new Error('no field');
      return o[node.name.text];
    }
    if (ts.isElementAccessExpression(node)) {
      const o = this.evalConst(node.expression) as Record<string, unknown>;
      const k = this.evalConst(node.argumentExpression) as string;
      if (o === null || typeof o !== 'object') throw new Error('no object');
      return o[k];
    }
    if (ts.isBinaryExpression(node)) {
      const a = this.evalConst(node.left) as number,
        b = this.evalConst(node.right) as number;
      switch (node.operatorToken.kind) {
        case ts.SyntaxKind.PlusToken:
          return a + b;
        case ts.SyntaxKind.MinusToken:
          return a - b;
        case ts.SyntaxKind.AsteriskToken:
          return a * b;
        case ts.SyntaxKind.SlashToken:
          return a / b;
        case ts.SyntaxKind.BarToken:
          return a | b;
        case ts.SyntaxKind.AmpersandToken:
          return a & b;
        case ts.SyntaxKind.CaretToken:
          return a ^ b;
        case ts.SyntaxKind.LessThanLessThanToken:
          return a << b;
        case ts.SyntaxKind.GreaterThanGreaterThanToken:
          return a >> b;
        case ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken:
          return a >>> b;
        default:
          throw new Error('op');
      }
    }
    if (ts.isCallExpression(node) && node.expression.getText() === 'Math.imul') {
      return Math.imul(this.evalConst(node.arguments[0]) as number, this.evalConst(node.arguments[1]) as number);
    }
    if (ts.isIdentifier(node)) {
      if (node.text === 'Infinity') return Number.POSITIVE_INFINITY;
      if (node.text === 'NaN') return Number.NaN;
      let sym = this.checker.getSymbolAtLocation(node);
      if (!sym) throw new Error('unknown');
      if (sym.flags & ts.SymbolFlags.Alias) sym = this.checker.getAliasedSymbol(sym);
      const decl = sym.valueDeclaration ?? sym.declarations?.[0];
      if (
        decl &&
        ts.isBindingElement(decl) &&
        ts.isObjectBindingPattern(decl.parent) &&
        ts.isVariableDeclaration(decl.parent.parent) &&
        decl.parent.parent.initializer &&
        !this.isInside(decl, this.fn)
      ) {
        // const { a: A } = OBJECT at module level
        if (!(decl.parent.parent.parent.flags & ts.NodeFlags.Const)) throw new Error('not const');
        const obj = this.evalConst(decl.parent.parent.initializer) as Record<string, unknown>;
        const key = decl.propertyName && ts.isIdentifier(decl.propertyName) ? decl.propertyName.text : (decl.name as ts.Identifier).text;
        if (obj === null || typeof obj !== 'object' || !Object.hasOwn(obj, key)) throw new Error('no field');
        return obj[key];
      }
      if (!decl || !ts.isVariableDeclaration(decl)) throw new Error('not a constant');
      if (!(decl.parent.flags & ts.NodeFlags.Const)) throw new Error('not const');
      if (this.isInside(decl, this.fn)) throw new Error('local');
      const file = decl.getSourceFile().fileName;
      const mod = this.env.modules.get(file);
      const name = (decl.name as ts.Identifier).text;
      if (mod && Object.hasOwn(mod, name)) return mod[name];
      if (!decl.initializer) throw new Error('no initializer');
      return this.evalConst(decl.initializer);
    }
    throw new Error('not constant');
  }

  private isInside(node: ts.Node, outer: ts.Node): boolean {
    for (let n: ts.Node | undefined = node; n; n = n.parent) if (n === outer) return true;
    return false;
  }

  // ---------------------------------------------------------------- values

  private lit(n: number): Lit {
    return { kind: 'lit', n };
  }

  private isIntish(v: Val): boolean {
    return (v.kind === 'u' && v.ty === 'i32') || v.kind === 'vi' || (v.kind === 'lit' && Number.isInteger(v.n) && Math.abs(v.n) <= 0xffffffff);
  }

  /** a uniform value as f64 code */
  private f64(v: Val, at: ts.Node): string {
    if (v.kind === 'lit') return f64const(v.n);
    if (v.kind === 'u') {
      if (v.ty === 'f64') return v.code;
      if (v.ty === 'i32') return `(f64.convert_i32_${v.unsigned ? 'u' : 's'} ${v.code})`;
    }
    fail(at, `expected a number, got ${v.kind === 'u' ? v.ty : v.kind}`);
  }

  private i32(v: Val, at: ts.Node): string {
    if (v.kind === 'lit') {
      if (!Number.isInteger(v.n)) fail(at, 'expected an integer');
      return i32const(v.n);
    }
    if (v.kind === 'u' && (v.ty === 'i32' || v.ty === 'bool')) return v.code;
    fail(at, `expected an integer, got ${v.kind === 'u' ? v.ty : v.kind}`);
  }

  private bool(v: Val, at: ts.Node): string {
    if (v.kind === 'u' && v.ty === 'bool') return v.code;
    fail(at, 'expected a condition');
  }

  /** a value as an f64x2 vector */
  private vec(v: Val, at: ts.Node): string {
    if (v.kind === 'vf') return v.code;
    if (v.kind === 'vi') {
      const cv = (c: string) => `(f64.convert_i32_s ${c})`;
      return `(f64x2.replace_lane 1 (f64x2.splat ${cv(v.c0)}) ${cv(v.c1)})`;
    }
    if (v.kind === 'lit') return `(v128.const f64x2 ${litText(v.n)} ${litText(v.n)})`;
    if (v.kind === 'u' && v.ty !== 'bool') {
      const f = this.f64(v, at);
      const param = /^\(f64\.load (\(i32\.const \d+\))\)$/.exec(f);
      if (param) return `(v128.load64_splat ${param[1]})`;
      if (v.hoist && this.lane) {
        // made once before the lane loop
        let s = this.lane.splats.get(f);
        if (!s) {
          s = this.newLocal('splat', 'v128');
          this.lane.splats.set(f, s);
        }
        return `(local.get ${s})`;
      }
      return `(f64x2.splat ${f})`;
    }
    fail(at, `expected a number, got ${v.kind}`);
  }

  /** a per-lane integer as its two lane expressions */
  private lanesI(v: Val, at: ts.Node): [string, string] {
    if (v.kind === 'vi') return [v.c0, v.c1];
    const c = this.i32(v, at);
    return [c, c];
  }

  private mask(v: Val, at: ts.Node): string {
    if (v.kind === 'm') return v.code;
    if (v.kind === 'vb') return maskOfLanes(v.b0, v.b1);
    if (v.kind === 'u' && v.ty === 'bool') return maskOfUniform(v.code);
    fail(at, 'expected a condition');
  }

  private lanesB(v: Val, at: ts.Node): [string, string] {
    if (v.kind === 'vb') return [v.b0, v.b1];
    if (v.kind === 'u' && v.ty === 'bool') return [v.code, v.code];
    fail(at, 'expected a per-lane condition');
  }

  // ---------------------------------------------------------------- expressions

  private expr(node: ts.Expression): Val {
    if (ts.isNumericLiteral(node)) return this.lit(Number(node.text));
    if (node.kind === ts.SyntaxKind.TrueKeyword) return { kind: 'u', ty: 'bool', code: '(i32.const 1)' };
    if (node.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'u', ty: 'bool', code: '(i32.const 0)' };
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return this.expr(node.expression);
    if (ts.isIdentifier(node)) return this.ident(node);
    if (ts.isPropertyAccessExpression(node)) return this.property(node);
    if (ts.isElementAccessExpression(node)) return this.element(node);
    if (ts.isPrefixUnaryExpression(node)) return this.unary(node);
    if (ts.isBinaryExpression(node)) return this.binary(node);
    if (ts.isConditionalExpression(node)) return this.conditional(node);
    if (ts.isCallExpression(node)) return this.call(node);
    fail(node, `unsupported expression (${ts.SyntaxKind[node.kind]})`);
  }

  private ident(node: ts.Identifier): Val {
    const sym = this.checker.getSymbolAtLocation(node);
    if (sym) {
      if (this.lane && sym === this.lane.sym) {
        const v = `(local.get $${this.lane.varName})`;
        return { kind: 'vi', c0: v, c1: `(i32.add ${v} (i32.const 1))`, stride: 1 };
      }
      const b = this.bindings.get(sym);
      if (b) return this.read(b, node);
    }
    // a constant from outside the function
    const decl = declOf(this.checker, node);
    const fixed = decl && this.env.fixedArrays.get(decl);
    if (fixed) return { kind: 'arr', elem: fixed.elem, base: i32const(fixed.addr) };
    const v = this.tryConst(node);
    if (typeof v === 'number') return this.lit(v);
    if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) return { kind: 'obj', what: 'value', js: node.text, type: 'value', value: v };
    fail(node, 'not a local, a parameter or a compile-time constant');
  }

  private read(b: Binding, at: ts.Node): Val {
    switch (b.kind) {
      case 'alias':
        return b.val;
      case 'u':
        return { kind: 'u', ty: b.ty, code: `(local.get ${b.name})`, unsigned: b.unsigned, hoist: !b.mutable && b.lane === -1 };
      case 'vf':
        return { kind: 'vf', code: `(local.get ${b.name})` };
      case 'vi': {
        const c0 = `(local.get ${b.n0})`;
        if (b.mutable || b.stride === 'x') return { kind: 'vi', c0, c1: `(local.get ${b.n1})`, stride: 'x' };
        // a const whose lane 1 follows from lane 0: only lane 0 is kept
        return { kind: 'vi', c0, c1: b.stride === 1 ? `(i32.add ${c0} (i32.const 1))` : c0, stride: b.stride };
      }
      case 'm':
        return { kind: 'm', code: `(local.get ${b.name})` };
    }
    fail(at, 'unreadable');
  }

  private property(node: ts.PropertyAccessExpression): Val {
    const name = node.name.text;
    if (
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Math' &&
      !this.checker.getSymbolAtLocation(node.expression)?.valueDeclaration?.getSourceFile().fileName.includes('/src/')
    ) {
      const v = (Math as unknown as Record<string, unknown>)[name];
      if (typeof v === 'number') return this.lit(v);
    }
    const o = this.expr(node.expression);
    if (o.kind !== 'obj') fail(node, 'property of something that is not an object');
    return this.field(o, name, node);
  }

  private field(o: Obj, name: string, at: ts.Node): Val {
    switch (o.what) {
      case 'siteTable':
        return fail(at, `per-site targets (@siteTargets ${o.js}) are read by index only`);
      case 'state': {
        const path = o.path ? `${o.path}.${name}` : name;
        const slot = this.env.layoutSlot.get(path);
        if (slot !== undefined) return { kind: 'arr', elem: elemOf(path), base: `(i32.load (i32.const ${this.env.layoutAt + 4 * slot}))` };
        if (![...this.env.layoutSlot.keys()].some((k) => k.startsWith(`${path}.`)))
          fail(at, `the state has no array '${path}' the kernels can reach (layout.ts layoutSlots)`);
        return { ...o, path };
      }
      case 'params': {
        const k = this.env.paramIndex.get(name);
        if (k === undefined) fail(at, `'${name}' is not a parameter of the registry (params.ts)`);
        this.readsParams = true;
        return { kind: 'u', ty: 'f64', code: `(f64.load (i32.const ${this.env.paramsAt + 8 * k}))`, hoist: true };
      }
      case 'value': {
        const v = (o.value as Record<string, unknown>)[name];
        if (typeof v === 'number') return this.lit(v);
        if (v !== null && typeof v === 'object') return { ...o, value: v, js: `${o.js}.${name}` };
        return fail(at, `no constant field '${name}'`);
      }
      case 'unpacked': {
        const js = `${o.js}.${name}`;
        const t = this.fieldType(o, name, at);
        if (t === 'int') {
          const code = this.arg(js, 'i32');
          return { kind: 'u', ty: 'i32', code, hoist: true };
        }
        if (t === 'number') {
          const code = this.arg(js, 'f64');
          return { kind: 'u', ty: 'f64', code, hoist: true };
        }
        if (t === 'boolean') return { kind: 'u', ty: 'bool', code: this.arg(`(${js} ? 1 : 0)`, 'i32') };
        const prop = (o.tsType as ts.Type).getProperty(name)!;
        return { kind: 'obj', what: 'unpacked', js, type: t, tsType: this.checker.getTypeOfSymbol(prop) };
      }
    }
  }

  /** the declared type (text) of a field of an unpacked object, from its declaration */
  private fieldType(o: Obj, name: string, at: ts.Node): string {
    const prop = o.tsType ? (o.tsType as ts.Type).getProperty(name) : undefined;
    const decl = prop?.valueDeclaration ?? prop?.declarations?.[0];
    if (decl && (ts.isPropertySignature(decl) || ts.isPropertyDeclaration(decl)) && decl.type) return decl.type.getText();
    fail(at, `cannot tell the type of '${o.js}.${name}' (declare it as number, int or boolean)`);
  }

  private element(node: ts.ElementAccessExpression): Val {
    const o = this.expr(node.expression);
    if (o.kind === 'obj') {
      const k = this.tryConst(node.argumentExpression);
      if (typeof k !== 'number') fail(node, 'index must be a compile-time constant here');
      if (o.what === 'unpacked') return { kind: 'u', ty: 'f64', code: this.arg(`${o.js}[${k}]`, 'f64'), hoist: true };
      if (o.what === 'siteTable') return this.siteTarget(o, k, node);
      if (o.what === 'value') {
        const v = (o.value as Record<number, unknown>)[k];
        if (typeof v === 'number') return this.lit(v);
      }
      fail(node, 'unsupported element access');
    }
    if (o.kind !== 'arr') fail(node, 'indexing something that is not an array');
    return this.load(o, this.expr(node.argumentExpression), node);
  }

  /**
   * T[k] of each lane's site in a `_sites` variant: the site's row of the table is its byte in
   * `sets` (indexed from the lane loop's start), each lane loaded on its own
   */
  private siteTarget(o: Obj, k: number, at: ts.Node): Val {
    const ln = this.lane;
    const site = this.site;
    if (!ln || !site || !this.laneStart) fail(at, `per-site targets (@siteTargets ${o.js}) are read inside the lane loop only`);
    const tab = this.arg(`${o.js}.byteOffset`, 'i32');
    const sets = this.arg(`(sets.byteOffset - ${this.laneStart})`, 'i32');
    const i = `(local.get $${ln.varName})`;
    const lane = (c: string) =>
      `(f64.load (i32.add ${tab} (i32.shl (i32.add (i32.mul (i32.load8_u (i32.add ${sets} ${c})) (i32.const ${site.rowLength})) (i32.const ${k})) (i32.const 3))))`;
    const l0 = lane(i);
    if (ln.mode === 'tail') return { kind: 'vf', code: `(f64x2.splat ${l0})` };
    return { kind: 'vf', code: `(f64x2.replace_lane 1 (f64x2.splat ${l0}) ${lane(`(i32.add ${i} (i32.const 1))`)})` };
  }

  private addr(a: Arr, idx: string): string {
    const shift = a.elem === 'f32' ? 2 : a.elem === 'f64' ? 3 : 0;
    return `(i32.add ${a.base} ${shift ? `(i32.shl ${idx} (i32.const ${shift}))` : idx})`;
  }

  private load(a: Arr, idx: Val, at: ts.Node): Val {
    const tail = this.lane?.mode === 'tail';
    const scalar = (i: string) => {
      const ad = this.addr(a, i);
      return a.elem === 'f32' ? `(f64.promote_f32 (f32.load ${ad}))` : a.elem === 'f64' ? `(f64.load ${ad})` : `(i32.load8_u ${ad})`;
    };
    if (!isVarying(idx)) {
      const code = scalar(this.i32(idx, at));
      return a.elem === 'u8' ? { kind: 'u', ty: 'i32', code } : { kind: 'u', ty: 'f64', code };
    }
    if (idx.kind !== 'vi') fail(at, 'index must be an integer');
    if (a.elem === 'u8') return { kind: 'vi', c0: scalar(idx.c0), c1: tail ? '(i32.const 0)' : scalar(idx.c1), stride: 'x' };
    if (idx.stride === 1) {
      const ad = this.addr(a, idx.c0);
      const ln = this.lane;
      if (a.elem === 'f32' && ln && !tail) {
        const key = `${a.base}@${idx.c0}`;
        const hit = ln.raw.get(key);
        if (hit) return { kind: 'vf', code: `(f64x2.promote_low_f32x4 (local.get ${hit.local}))` };
        if (this.lazy === 0) {
          const l = this.newLocal('raw', 'v128');
          ln.raw.set(key, { base: a.base, local: l });
          return { kind: 'vf', code: `(f64x2.promote_low_f32x4 (local.tee ${l} (v128.load64_zero ${ad})))` };
        }
      }
      if (a.elem === 'f32') return { kind: 'vf', code: `(f64x2.promote_low_f32x4 (v128.load${tail ? '32' : '64'}_zero ${ad}))` };
      return { kind: 'vf', code: tail ? `(v128.load64_zero ${ad})` : `(v128.load ${ad})` };
    }
    const l1 = tail ? '(f64.const 0)' : scalar(idx.c1);
    return { kind: 'vf', code: `(f64x2.replace_lane 1 (f64x2.splat ${scalar(idx.c0)}) ${l1})` };
  }

  private unary(node: ts.PrefixUnaryExpression): Val {
    const v = this.expr(node.operand);
    switch (node.operator) {
      case ts.SyntaxKind.MinusToken:
        if (v.kind === 'lit') return this.lit(-v.n);
        if (v.kind === 'vf') return { kind: 'vf', code: `(f64x2.neg ${v.code})` };
        if (v.kind === 'u' && v.ty === 'f64') return { kind: 'u', ty: 'f64', code: `(f64.neg ${v.code})` };
        fail(node, 'negation of an integer (write 0 - x)');
        break;
      case ts.SyntaxKind.PlusToken:
        return v;
      case ts.SyntaxKind.TildeToken:
        if (v.kind === 'lit') return this.lit(~v.n);
        if (v.kind === 'u' && v.ty === 'i32') return { kind: 'u', ty: 'i32', code: `(i32.xor ${v.code} (i32.const -1))` };
        if (v.kind === 'vi') return { kind: 'vi', c0: `(i32.xor ${v.c0} (i32.const -1))`, c1: `(i32.xor ${v.c1} (i32.const -1))`, stride: 'x' };
        break;
      case ts.SyntaxKind.ExclamationToken:
        if (v.kind === 'u' && v.ty === 'bool') return { kind: 'u', ty: 'bool', code: `(i32.eqz ${v.code})` };
        if (v.kind === 'vb') return { kind: 'vb', b0: `(i32.eqz ${v.b0})`, b1: `(i32.eqz ${v.b1})` };
        if (v.kind === 'm') return { kind: 'm', code: `(v128.not ${v.code})` };
        break;
    }
    fail(node, 'unsupported unary operator');
  }

  private binary(node: ts.BinaryExpression): Val {
    const op = node.operatorToken.kind;
    const K = ts.SyntaxKind;
    if (op === K.AmpersandAmpersandToken || op === K.BarBarToken) return this.logical(node, op === K.AmpersandAmpersandToken);
    const a = this.expr(node.left);
    const b = this.expr(node.right);
    const cmp: Partial<Record<ts.SyntaxKind, string>> = {
      [K.LessThanToken]: 'lt',
      [K.LessThanEqualsToken]: 'le',
      [K.GreaterThanToken]: 'gt',
      [K.GreaterThanEqualsToken]: 'ge',
      [K.EqualsEqualsEqualsToken]: 'eq',
      [K.ExclamationEqualsEqualsToken]: 'ne',
    };
    if (cmp[op]) return this.compare(cmp[op], a, b, node);
    const arith: Partial<Record<ts.SyntaxKind, string>> = {
      [K.PlusToken]: 'add',
      [K.MinusToken]: 'sub',
      [K.AsteriskToken]: 'mul',
      [K.SlashToken]: 'div',
      [K.AmpersandToken]: 'and',
      [K.BarToken]: 'or',
      [K.CaretToken]: 'xor',
      [K.LessThanLessThanToken]: 'shl',
      [K.GreaterThanGreaterThanToken]: 'shr_s',
      [K.GreaterThanGreaterThanGreaterThanToken]: 'shr_u',
    };
    const o = arith[op];
    if (!o) fail(node, `unsupported operator ${node.operatorToken.getText()}`);
    return this.arith(o, a, b, node);
  }

  arith(o: string, a: Val, b: Val, at: ts.Node): Val {
    const bits = ['and', 'or', 'xor', 'shl', 'shr_s', 'shr_u'].includes(o);
    if (a.kind === 'lit' && b.kind === 'lit') return this.lit(foldArith(o, a.n, b.n));
    const intOp = bits || (o !== 'div' && this.isIntish(a) && this.isIntish(b));
    if (bits && !(this.isIntish(a) && this.isIntish(b))) fail(at, 'bit operation on a non-integer');
    const varying = isVarying(a) || isVarying(b);
    if (intOp) {
      if (!varying) {
        const unsigned = o === 'shr_u';
        return { kind: 'u', ty: 'i32', code: `(i32.${o} ${this.i32(a, at)} ${this.i32(b, at)})`, unsigned, hoist: hoistable(a) && hoistable(b) };
      }
      const [a0, a1] = this.lanesI(a, at);
      const [b0, b1] = this.lanesI(b, at);
      const sa = a.kind === 'vi' ? a.stride : 0,
        sb = b.kind === 'vi' ? b.stride : 0;
      let stride: VecI['stride'] = 'x';
      if (o === 'add' && sa !== 'x' && sb !== 'x' && sa + sb <= 1) stride = (sa + sb) as 0 | 1;
      if (o === 'sub' && sb === 0 && sa !== 'x') stride = sa;
      return { kind: 'vi', c0: `(i32.${o} ${a0} ${b0})`, c1: `(i32.${o} ${a1} ${b1})`, stride };
    }
    if (!varying) return { kind: 'u', ty: 'f64', code: `(f64.${o} ${this.f64(a, at)} ${this.f64(b, at)})`, hoist: hoistable(a) && hoistable(b) };
    return { kind: 'vf', code: `(f64x2.${o} ${this.vec(a, at)} ${this.vec(b, at)})` };
  }

  private compare(o: string, a: Val, b: Val, at: ts.Node): Val {
    if (a.kind === 'lit' && b.kind === 'lit') fail(at, 'comparison of two constants');
    const intCmp = this.isIntish(a) && this.isIntish(b);
    const varying = isVarying(a) || isVarying(b);
    const iop = o === 'eq' || o === 'ne' ? o : `${o}_${(a.kind === 'u' && a.unsigned) || (b.kind === 'u' && b.unsigned) ? 'u' : 's'}`;
    if (intCmp) {
      if (!varying) return { kind: 'u', ty: 'bool', code: `(i32.${iop} ${this.i32(a, at)} ${this.i32(b, at)})` };
      const [a0, a1] = this.lanesI(a, at);
      const [b0, b1] = this.lanesI(b, at);
      return { kind: 'vb', b0: `(i32.${iop} ${a0} ${b0})`, b1: `(i32.${iop} ${a1} ${b1})` };
    }
    if (!varying) return { kind: 'u', ty: 'bool', code: `(f64.${o} ${this.f64(a, at)} ${this.f64(b, at)})` };
    return { kind: 'm', code: `(f64x2.${o} ${this.vec(a, at)} ${this.vec(b, at)})` };
  }

  private logical(node: ts.BinaryExpression, and: boolean): Val {
    const a = this.expr(node.left);
    if (!isVarying(a)) {
      const ac = this.bool(a, node.left);
      this.lazy++;
      const b = this.expr(node.right);
      this.lazy--;
      if (!isVarying(b)) {
        const bc = this.bool(b, node.right);
        return {
          kind: 'u',
          ty: 'bool',
          code: and ? `(if (result i32) ${ac} (then ${bc}) (else (i32.const 0)))` : `(if (result i32) ${ac} (then (i32.const 1)) (else ${bc}))`,
        };
      }
      // a uniform left side decides for both lanes whether the right side is worked out at all
      const bm = this.mask(b, node.right);
      return {
        kind: 'm',
        code: and
          ? `(if (result v128) ${ac} (then ${bm}) (else (v128.const i64x2 0 0)))`
          : `(if (result v128) ${ac} (then (v128.const i64x2 -1 -1)) (else ${bm}))`,
      };
    }
    this.lazy++;
    const b = this.expr(node.right);
    this.lazy--;
    if ((a.kind === 'vb' || a.kind === 'u') && (b.kind === 'vb' || (b.kind === 'u' && b.ty === 'bool'))) {
      const [a0, a1] = this.lanesB(a, node.left);
      const [b0, b1] = this.lanesB(b, node.right);
      const op = and ? 'i32.and' : 'i32.or';
      return { kind: 'vb', b0: `(${op} ${a0} ${b0})`, b1: `(${op} ${a1} ${b1})` };
    }
    const am = this.mask(a, node.left);
    const bm = this.mask(b, node.right);
    if (hasCall(node.right)) {
      // the right side calls something: only when a lane needs it
      const t = this.newLocal('lazy', 'v128');
      return and
        ? { kind: 'm', code: `(if (result v128) (v128.any_true (local.tee ${t} ${am})) (then (v128.and (local.get ${t}) ${bm})) (else (local.get ${t})))` }
        : {
            kind: 'm',
            code: `(if (result v128) (i32.eqz (i8x16.all_true (local.tee ${t} ${am}))) (then (v128.or (local.get ${t}) ${bm})) (else (local.get ${t})))`,
          };
    }
    return { kind: 'm', code: `(v128.${and ? 'and' : 'or'} ${am} ${bm})` };
  }

  private conditional(node: ts.ConditionalExpression): Val {
    const c = this.expr(node.condition);
    const a = this.expr(node.whenTrue);
    const b = this.expr(node.whenFalse);
    const ints = this.isIntish(a) && this.isIntish(b);
    if (!isVarying(c)) {
      const cc = this.bool(c, node.condition);
      if (!isVarying(a) && !isVarying(b)) {
        if (ints && !(a.kind === 'lit' && b.kind === 'lit' && (!Number.isInteger(a.n) || !Number.isInteger(b.n)))) {
          return { kind: 'u', ty: 'i32', code: `(select ${this.i32(a, node.whenTrue)} ${this.i32(b, node.whenFalse)} ${cc})` };
        }
        return {
          kind: 'u',
          ty: 'f64',
          code: `(select ${this.f64(a, node.whenTrue)} ${this.f64(b, node.whenFalse)} ${cc})`,
          hoist: hoistable(a) && hoistable(b) && hoistable(c),
        };
      }
      if (ints) {
        const [a0, a1] = this.lanesI(a, node.whenTrue);
        const [b0, b1] = this.lanesI(b, node.whenFalse);
        return { kind: 'vi', c0: `(select ${a0} ${b0} ${cc})`, c1: `(select ${a1} ${b1} ${cc})`, stride: 'x' };
      }
      return { kind: 'vf', code: `(select ${this.vec(a, node.whenTrue)} ${this.vec(b, node.whenFalse)} ${cc})` };
    }
    if (ints) {
      const [c0, c1] = c.kind === 'm' ? [laneSet(c.code, 0), laneSet(c.code, 1)] : this.lanesB(c, node.condition);
      const [a0, a1] = this.lanesI(a, node.whenTrue);
      const [b0, b1] = this.lanesI(b, node.whenFalse);
      return { kind: 'vi', c0: `(select ${a0} ${b0} ${c0})`, c1: `(select ${a1} ${b1} ${c1})`, stride: 'x' };
    }
    return { kind: 'vf', code: `(v128.bitselect ${this.vec(a, node.whenTrue)} ${this.vec(b, node.whenFalse)} ${this.mask(c, node.condition)})` };
  }

  private call(node: ts.CallExpression): Val {
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee) && callee.expression.getText() === 'Math') {
      const f = callee.name.text;
      if (!SIDE_FREE_MATH.has(f))
        fail(node, `Math.${f} is not available in kernels (its last bits differ between JavaScript engines; use src/model/math.ts outside the kernels)`);
      const args = node.arguments.map((a) => this.expr(a));
      if (f === 'imul') return this.arith('mul', args[0], args[1], node);
      if (f === 'max' || f === 'min') {
        if (args.length < 2) fail(node, `Math.${f} needs two arguments or more`);
        return args.reduce((x, y) =>
          isVarying(x) || isVarying(y)
            ? { kind: 'vf', code: `(f64x2.${f} ${this.vec(x, node)} ${this.vec(y, node)})` }
            : { kind: 'u', ty: 'f64', code: `(f64.${f} ${this.f64(x, node)} ${this.f64(y, node)})`, hoist: hoistable(x) && hoistable(y) },
        );
      }
      const x = args[0];
      const wf = f === 'trunc' ? 'trunc' : f;
      return isVarying(x) ? { kind: 'vf', code: `(f64x2.${wf} ${this.vec(x, node)})` } : { kind: 'u', ty: 'f64', code: `(f64.${wf} ${this.f64(x, node)})` };
    }
    if (!ts.isIdentifier(callee)) fail(node, 'only Math functions and functions of the model can be called');
    let sym = this.checker.getSymbolAtLocation(callee);
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = this.checker.getAliasedSymbol(sym);
    const decl = sym?.valueDeclaration;
    if (!decl || !ts.isFunctionDeclaration(decl)) fail(node, 'only Math functions and functions of the model can be called');
    const inlined = this.inline(decl, node);
    if (inlined) return inlined;
    const h = this.kc.helper(decl);
    // flatten the arguments as the helper's own arguments are flattened (objects by field)
    const params = decl.parameters.map((p) => (p.name as ts.Identifier).text);
    const lanes: [string[], string[]] = [[], []];
    let varying = false;
    for (const a of h.args) {
      const m = /^([A-Za-z_$][\w$]*)(.*)$/.exec(a.js);
      if (!m) fail(node, 'unsupported helper argument');
      const k = params.indexOf(m[1]);
      const argNode = node.arguments[k];
      if (!argNode) fail(node, `missing argument ${m[1]}`);
      let v = this.expr(argNode);
      for (const part of m[2].match(/\.\w+|\[\d+\]/g) ?? []) {
        if (v.kind !== 'obj') fail(argNode, 'expected an object');
        v = part.startsWith('.') ? this.field(v, part.slice(1), argNode) : this.elementOf(v, Number(part.slice(1, -1)), argNode);
      }
      if (isVarying(v)) varying = true;
      if (a.wasm === 'i32') {
        const [c0, c1] = v.kind === 'vi' ? [v.c0, v.c1] : [this.i32(v, argNode), this.i32(v, argNode)];
        lanes[0].push(c0);
        lanes[1].push(c1);
      } else {
        if (v.kind === 'vf') fail(argNode, 'per-lane float arguments to a helper are not supported (inline the expression)');
        const c = this.f64(v, argNode);
        lanes[0].push(c);
        lanes[1].push(c);
      }
    }
    if (!h.result) fail(node, 'a helper called in an expression must return a value');
    const call = (k: 0 | 1) => `(call $${h.name} ${lanes[k].join(' ')})`;
    if (!varying) return h.result === 'i32' ? { kind: 'u', ty: 'i32', code: call(0) } : { kind: 'u', ty: 'f64', code: call(0) };
    if (h.result === 'i32') return { kind: 'vi', c0: call(0), c1: this.lane?.mode === 'tail' ? '(i32.const 0)' : call(1), stride: 'x' };
    const l1 = this.lane?.mode === 'tail' ? '(f64.const 0)' : call(1);
    return { kind: 'vf', code: `(f64x2.replace_lane 1 (f64x2.splat ${call(0)}) ${l1})` };
  }

  /**
   * A rate-law helper whose body is one `return <expression>` (rate-laws.ts: hill2, michaelis,
   * implicitStep, ...) is compiled in place, so its arguments may differ per lane: each argument is
   * evaluated once, in order, into a local, then the expression is compiled over them.
   */
  private inline(decl: ts.FunctionDeclaration, node: ts.CallExpression): Val | null {
    const body = decl.body?.statements;
    if (body?.length !== 1 || !ts.isReturnStatement(body[0]) || !body[0].expression) return null;
    if (decl.parameters.some((p) => !ts.isIdentifier(p.name) || (p.type && p.type.getText() !== 'number'))) return null;
    const sets: string[] = [];
    const saved: [ts.Symbol, Binding | undefined][] = [];
    decl.parameters.forEach((p, k) => {
      const argNode = node.arguments[k];
      if (!argNode) fail(node, `missing argument ${p.name.getText()}`);
      let v = this.expr(argNode);
      if (v.kind === 'vf') {
        const l = this.newLocal(`arg_${p.name.getText()}`, 'v128');
        sets.push(`(local.set ${l} ${v.code})`);
        v = { kind: 'vf', code: `(local.get ${l})` };
      } else if (v.kind === 'u' && v.ty !== 'bool') {
        const l = this.newLocal(`arg_${p.name.getText()}`, 'f64');
        sets.push(`(local.set ${l} ${this.f64(v, argNode)})`);
        v = { kind: 'u', ty: 'f64', code: `(local.get ${l})`, hoist: false };
      } else if (v.kind === 'vi') {
        v = { kind: 'vf', code: this.vec(v, argNode) };
        const l = this.newLocal(`arg_${p.name.getText()}`, 'v128');
        sets.push(`(local.set ${l} ${v.code})`);
        v = { kind: 'vf', code: `(local.get ${l})` };
      } else if (v.kind !== 'lit') fail(argNode, 'a rate-law argument must be a number');
      const sym = this.symbolOf(p.name);
      saved.push([sym, this.bindings.get(sym)]);
      this.bindings.set(sym, { kind: 'alias', val: v });
    });
    let r = this.expr(body[0].expression);
    for (const [sym, b] of saved) {
      if (b) this.bindings.set(sym, b);
      else this.bindings.delete(sym);
    }
    if (r.kind === 'lit') r = { kind: 'u', ty: 'f64', code: f64const(r.n) };
    if (r.kind === 'vf') return { kind: 'vf', code: sets.length ? `(block (result v128) ${sets.join(' ')} ${r.code})` : r.code };
    if (r.kind === 'u' && r.ty !== 'bool') {
      const code = this.f64(r, node);
      return { kind: 'u', ty: 'f64', code: sets.length ? `(block (result f64) ${sets.join(' ')} ${code})` : code };
    }
    fail(node, 'a rate-law helper must return a number');
  }

  private elementOf(o: Obj, k: number, at: ts.Node): Val {
    if (o.what === 'unpacked') return { kind: 'u', ty: 'f64', code: this.arg(`${o.js}[${k}]`, 'f64') };
    fail(at, 'unsupported element access');
  }

  // ---------------------------------------------------------------- statements

  private block(stmts: readonly ts.Statement[], ind: number): string[] {
    const out: string[] = [];
    for (const s of stmts) out.push(...this.statement(s, ind));
    return out;
  }

  private statement(s: ts.Statement, ind: number): string[] {
    const pad = ' '.repeat(2 * ind);
    if (ts.isVariableStatement(s)) return this.declare(s.declarationList, ind);
    if (ts.isExpressionStatement(s)) return this.exprStatement(s.expression, ind);
    if (ts.isIfStatement(s)) return this.ifStatement(s, ind);
    if (ts.isForStatement(s)) return this.forStatement(s, ind);
    if (ts.isBlock(s)) return this.block(s.statements, ind);
    if (ts.isEmptyStatement(s)) return [];
    if (ts.isContinueStatement(s)) return this.continueStatement(s, ind);
    if (ts.isReturnStatement(s)) {
      if (this.lane) fail(s, 'return inside a lane loop');
      if (!s.expression) return [`${pad}(return)`];
      const v = this.expr(s.expression);
      const ty = this.isIntish(v) && v.kind !== 'lit' ? 'i32' : 'f64';
      const declared = this.fn.type?.getText();
      const want = declared === 'int' ? 'i32' : declared === 'number' ? (ty === 'i32' ? 'i32' : 'f64') : ty;
      this.result = want;
      return [`${pad}(return ${want === 'i32' ? this.i32(v, s) : this.f64(v, s)})`];
    }
    fail(s, `unsupported statement (${ts.SyntaxKind[s.kind]})`);
  }

  private depth(): number {
    return this.lane ? this.lane.masks.length - 1 : 0;
  }

  private curMask(): string {
    if (!this.lane) throw new Error('no lane loop');
    return `(local.get ${this.lane.masks[this.lane.masks.length - 1]})`;
  }

  /** the current mask narrowed to the float32 lanes 0 and 1, with the line that brings it up to date if needed */
  private curMask32(pad: string): { code: string; lines: string[] } {
    const ln = this.lane;
    if (!ln) throw new Error('no lane loop');
    const mask = ln.masks[ln.masks.length - 1];
    const l = this.m32Of(mask);
    const lines = ln.fresh.has(mask) ? [] : [`${pad}(local.set ${l} ${mask32(`(local.get ${mask})`)})`];
    ln.fresh.add(mask);
    return { code: `(local.get ${l})`, lines };
  }

  /** the raw-bits cache before a block that may not run */
  private rawSnapshot(): Map<string, { base: string; local: string }> | null {
    return this.lane ? new Map(this.lane.raw) : null;
  }

  /** after such a block: keep what was known before it and not forgotten inside (a store there) */
  private rawRestore(before: Map<string, { base: string; local: string }> | null): void {
    const ln = this.lane;
    if (!ln || !before) return;
    for (const k of [...ln.raw.keys()]) if (!before.has(k)) ln.raw.delete(k);
  }

  /** forget which narrowings are current (entering or leaving a block that may not run) */
  private staleMasks(): void {
    this.lane?.fresh.clear();
  }

  private m32Of(mask: string): string {
    const ln = this.lane!;
    let l = ln.m32.get(mask);
    if (!l) {
      l = this.newLocal(`${mask.slice(1)}_f32`, 'v128');
      ln.m32.set(mask, l);
    }
    return l;
  }

  /** set a mask local (its float32 narrowing is worked out when a store needs it) */
  private setMask(pad: string, mask: string, code: string): string[] {
    this.lane?.fresh.delete(mask);
    return [`${pad}(local.set ${mask} ${code})`];
  }

  private declare(list: ts.VariableDeclarationList, ind: number, counter = false): string[] {
    const out: string[] = [];
    const pad = ' '.repeat(2 * ind);
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const d of list.declarations) {
      if (!d.initializer) fail(d, 'a variable needs an initial value');
      if (ts.isObjectBindingPattern(d.name)) {
        const o = this.expr(d.initializer);
        if (o.kind !== 'obj' || !isConst) fail(d, 'destructuring only of objects, into consts');
        for (const e of d.name.elements) {
          if (!ts.isIdentifier(e.name)) fail(e, 'nested destructuring');
          const prop = e.propertyName && ts.isIdentifier(e.propertyName) ? e.propertyName.text : e.name.text;
          const v = this.field(o, prop, d.initializer);
          out.push(...this.bind(this.symbolOf(e.name), e.name.text, v, true, pad, e, false));
        }
        continue;
      }
      if (ts.isArrayBindingPattern(d.name)) {
        // const [a, b] = TUPLE (a constant-indexed array passed in)
        const o = this.expr(d.initializer);
        if (o.kind !== 'obj' || !isConst) fail(d, 'destructuring only of arrays passed in, into consts');
        d.name.elements.forEach((e, k) => {
          if (ts.isOmittedExpression(e)) return;
          if (!ts.isIdentifier(e.name)) fail(e, 'nested destructuring');
          out.push(...this.bind(this.symbolOf(e.name), e.name.text, this.elementOf(o, k, d.initializer!), true, pad, e, false));
        });
        continue;
      }
      if (!ts.isIdentifier(d.name)) fail(d, 'unsupported declaration');
      const sym = this.symbolOf(d.name);
      let v = this.expr(d.initializer);
      if (!isConst && v.kind === 'lit')
        v = this.lets.get(sym) === 'int' ? { kind: 'u', ty: 'i32', code: i32const(v.n) } : { kind: 'u', ty: 'f64', code: f64const(v.n) };
      out.push(...this.bind(sym, d.name.text, v, isConst || counter, pad, d, !isConst));
    }
    return out;
  }

  private bind(sym: ts.Symbol, name: string, v: Val, uniformOk: boolean, pad: string, at: ts.Node, mutable: boolean): string[] {
    const isConst = !mutable;
    const depth = this.depth();
    const lane = this.lane ? this.lane.id : -1;
    if (v.kind === 'arr') {
      if (!isConst) fail(at, 'arrays must be consts');
      // a state array's address stays a load from the layout block at each use: held in a local
      // across the loop it would take a register (and be spilled and reloaded every iteration)
      if (/^\(i32\.load \(i32\.const \d+\)\)$/.test(v.base) || /^\(i32\.const \d+\)$/.test(v.base)) {
        this.bindings.set(sym, { kind: 'alias', val: v });
        return [];
      }
      const l = this.newLocal(name, 'i32');
      this.bindings.set(sym, { kind: 'alias', val: { ...v, base: `(local.get ${l})` } });
      return [`${pad}(local.set ${l} ${v.base})`];
    }
    if (v.kind === 'obj' || (v.kind === 'lit' && isConst)) {
      if (!isConst) fail(at, 'objects must be consts');
      this.bindings.set(sym, { kind: 'alias', val: v });
      return [];
    }
    // a `let` declared inside a lane loop may take per-lane values later: it is per-lane from the start
    if (!uniformOk && this.lane && !isVarying(v)) {
      if (this.isIntish(v)) v = { kind: 'vi', c0: this.i32(v, at), c1: this.i32(v, at), stride: 'x' };
      else v = { kind: 'vf', code: this.vec(v, at) };
    }
    // a parameter read as it is: read from the parameter block at each use (no register held)
    if (v.kind === 'u' && isConst && /^\(f64\.load \(i32\.const \d+\)\)$/.test(v.code)) {
      this.bindings.set(sym, { kind: 'alias', val: v });
      return [];
    }
    switch (v.kind) {
      case 'u': {
        if (v.ty === 'bool') {
          const l = this.newLocal(name, 'i32');
          this.bindings.set(sym, { kind: 'u', name: l, ty: 'bool', mutable: !isConst, depth, lane });
          return [`${pad}(local.set ${l} ${v.code})`];
        }
        if (isConst && this.lane && hoistable(v)) {
          // the same for every lane and iteration: computed once before the loop (the pair and
          // the odd-lane run of a body share it)
          let l = [...this.lane.pre].find(([, code]) => code === v.code)?.[0];
          if (!l) {
            l = this.newLocal(name, v.ty);
            this.lane.pre.set(l, v.code);
          }
          this.bindings.set(sym, { kind: 'u', name: l, ty: v.ty, mutable: false, unsigned: v.unsigned, depth, lane: -1 });
          return [];
        }
        const l = this.newLocal(name, v.ty);
        this.bindings.set(sym, { kind: 'u', name: l, ty: v.ty, mutable: !isConst, unsigned: v.unsigned, depth, lane });
        return [`${pad}(local.set ${l} ${v.code})`];
      }
      case 'vf': {
        const l = this.newLocal(name, 'v128');
        this.bindings.set(sym, { kind: 'vf', name: l, depth, lane });
        return [`${pad}(local.set ${l} ${v.code})`];
      }
      case 'vi': {
        const l0 = this.newLocal(`${name}_l0`, 'i32'),
          l1 = this.newLocal(`${name}_l1`, 'i32');
        this.bindings.set(sym, { kind: 'vi', n0: l0, n1: l1, stride: v.stride, depth, lane, mutable: !isConst });
        const out = [`${pad}(local.set ${l0} ${v.c0})`];
        if (isConst && (v.stride === 1 || v.stride === 0)) return out;
        return [...out, `${pad}(local.set ${l1} ${v.c1})`];
      }
      case 'vb':
      case 'm': {
        const l = this.newLocal(name, 'v128');
        this.bindings.set(sym, { kind: 'm', name: l, depth, lane });
        return [`${pad}(local.set ${l} ${this.mask(v, at)})`];
      }
    }
    fail(at, 'unsupported value');
  }

  private exprStatement(e: ts.Expression, ind: number): string[] {
    const pad = ' '.repeat(2 * ind);
    const K = ts.SyntaxKind;
    if ((ts.isPostfixUnaryExpression(e) || ts.isPrefixUnaryExpression(e)) && (e.operator === K.PlusPlusToken || e.operator === K.MinusMinusToken)) {
      return this.assign(e.operand, e.operator === K.PlusPlusToken ? 'add' : 'sub', this.lit(1), pad, e);
    }
    if (ts.isBinaryExpression(e)) {
      const ops: Partial<Record<ts.SyntaxKind, string | null>> = {
        [K.EqualsToken]: null,
        [K.PlusEqualsToken]: 'add',
        [K.MinusEqualsToken]: 'sub',
        [K.AsteriskEqualsToken]: 'mul',
        [K.SlashEqualsToken]: 'div',
      };
      if (e.operatorToken.kind in ops) return this.assign(e.left, ops[e.operatorToken.kind] ?? null, this.expr(e.right), pad, e);
    }
    fail(e, 'a statement must be an assignment');
  }

  private assign(target: ts.Expression, op: string | null, rhs: Val, pad: string, at: ts.Node): string[] {
    if (ts.isElementAccessExpression(target)) {
      const a = this.expr(target.expression);
      if (a.kind !== 'arr') fail(target, 'assignment to an element of something that is not an array');
      const idx = this.expr(target.argumentExpression);
      const v = op ? this.arith(op, this.load(a, idx, target), rhs, at) : rhs;
      return this.store(a, idx, v, pad, at);
    }
    if (!ts.isIdentifier(target)) fail(target, 'unsupported assignment target');
    const sym = this.symbolOf(target);
    const b = this.bindings.get(sym);
    if (!b || b.kind === 'alias') fail(target, 'assignment to a constant or a parameter');
    const v = op ? this.arith(op, this.read(b, target), rhs, at) : rhs;
    const inLane = this.lane !== null;
    if (b.kind === 'u') {
      if (!b.mutable) fail(target, 'assignment to a const');
      if (inLane && b.lane !== this.lane!.id) {
        // a scalar declared outside the lane loop: only counters (x++ / x += 1) add up the lanes
        if (op === 'add' && rhs.kind === 'lit' && rhs.n === 1 && b.ty === 'i32')
          return [`${pad}(local.set ${b.name} (i32.add (local.get ${b.name}) ${popcount(this.curMask())}))`];
        fail(at, 'a variable declared outside the lane loop can only be counted up (x++) inside it');
      }
      if (isVarying(v)) fail(at, 'a per-lane value assigned to a scalar variable');
      const code = b.ty === 'f64' ? this.f64(v, at) : b.ty === 'bool' ? this.bool(v, at) : this.i32(v, at);
      return [`${pad}(local.set ${b.name} ${code})`];
    }
    const masked = inLane && b.depth < this.depth();
    const m = masked ? this.curMask() : '';
    if (b.kind === 'vf') {
      const nv = this.vec(v, at);
      return [`${pad}(local.set ${b.name} ${masked ? `(v128.bitselect ${nv} (local.get ${b.name}) ${m})` : nv})`];
    }
    if (b.kind === 'vi') {
      if (!b.mutable) fail(target, 'assignment to a const');
      const [c0, c1] = this.lanesI(v, at);
      if (!masked) return [`${pad}(local.set ${b.n0} ${c0})`, `${pad}(local.set ${b.n1} ${c1})`];
      return [
        `${pad}(local.set ${b.n0} (select ${c0} (local.get ${b.n0}) ${laneSet(m, 0)}))`,
        `${pad}(local.set ${b.n1} (select ${c1} (local.get ${b.n1}) ${laneSet(m, 1)}))`,
      ];
    }
    if (b.kind === 'm') {
      const nv = this.mask(v, at);
      return [`${pad}(local.set ${b.name} ${masked ? `(v128.bitselect ${nv} (local.get ${b.name}) ${m})` : nv})`];
    }
    fail(at, 'unsupported assignment');
  }

  private store(a: Arr, idx: Val, v: Val, pad: string, at: ts.Node): string[] {
    const ln = this.lane;
    // the old bits of this pair, if loaded in this iteration and not stored since (taken before the store forgets them)
    const raw = ln && idx.kind === 'vi' ? ln.raw.get(`${a.base}@${idx.c0}`) : undefined;
    if (ln) for (const [k, r] of ln.raw) if (r.base === a.base) ln.raw.delete(k);
    if (!isVarying(idx)) {
      if (ln && (this.depth() > 0 || !ln.full) && isVarying(v)) fail(at, 'a per-lane value stored at one address');
      if (isVarying(v)) fail(at, 'a per-lane value stored at one address');
      const ad = this.addr(a, this.i32(idx, at));
      if (a.elem === 'u8') return [`${pad}(i32.store8 ${ad} ${this.i32(v, at)})`];
      const f = this.f64(v, at);
      return [`${pad}(${a.elem}.store ${ad} ${a.elem === 'f32' ? `(f32.demote_f64 ${f})` : f})`];
    }
    if (!ln || idx.kind !== 'vi') fail(at, 'per-lane index outside a lane loop');
    const tail = ln.mode === 'tail';
    const full = ln.full && this.depth() === 0;
    const m = this.curMask();
    const guard = (k: 0 | 1, s: string) => (full && (k === 0 || !tail) ? s : `(if ${laneSet(m, k)} (then ${s}))`);
    const lanes: (0 | 1)[] = tail ? [0] : [0, 1];
    if (a.elem === 'u8') {
      const [c0, c1] = this.lanesI(v, at);
      return lanes.map((k) => `${pad}${guard(k, `(i32.store8 ${this.addr(a, k === 0 ? idx.c0 : idx.c1)} ${k === 0 ? c0 : c1})`)}`);
    }
    const nv = this.vec(v, at);
    if (idx.stride !== 1 || tail) {
      // lane by lane (rows of a pair, or the last odd site)
      const t = this.newLocal('st', 'v128');
      const out = [`${pad}(local.set ${t} ${nv})`];
      for (const k of lanes) {
        const x = `(f64x2.extract_lane ${k} (local.get ${t}))`;
        const ad = this.addr(a, k === 0 ? idx.c0 : idx.c1);
        out.push(`${pad}${guard(k, a.elem === 'f32' ? `(f32.store ${ad} (f32.demote_f64 ${x}))` : `(f64.store ${ad} ${x})`)}`);
      }
      return out;
    }
    const ad = this.addr(a, idx.c0);
    if (a.elem === 'f32') {
      const demoted = `(f32x4.demote_f64x2_zero ${nv})`;
      if (full) return [`${pad}(v128.store64_lane 0 ${ad} ${demoted})`];
      const m32 = this.curMask32(pad);
      const old = raw ? `(local.get ${raw.local})` : `(v128.load64_zero ${ad})`;
      return [...m32.lines, `${pad}(v128.store64_lane 0 ${ad} (v128.bitselect ${demoted} ${old} ${m32.code}))`];
    }
    if (full) return [`${pad}(v128.store ${ad} ${nv})`];
    return [`${pad}(v128.store ${ad} (v128.bitselect ${nv} (v128.load ${ad}) ${m}))`];
  }

  private ifStatement(s: ts.IfStatement, ind: number): string[] {
    const pad = ' '.repeat(2 * ind);
    const c = this.expr(s.expression);
    const body = (st: ts.Statement, k: number) => this.statement(st, k);
    if (!isVarying(c)) {
      this.staleMasks();
      const snap = this.rawSnapshot();
      const out = [`${pad}(if ${this.bool(c, s.expression)}`, `${pad}  (then`, ...body(s.thenStatement, ind + 2), `${pad}  )`];
      this.staleMasks();
      this.rawRestore(snap);
      if (s.elseStatement) out.push(`${pad}  (else`, ...body(s.elseStatement, ind + 2), `${pad}  )`);
      this.staleMasks();
      this.rawRestore(snap);
      out.push(`${pad})`);
      return out;
    }
    const ln = this.lane;
    if (!ln) fail(s, 'per-lane condition outside a lane loop');
    const out: string[] = [];
    const wasFull = ln.full;
    // a condition on integers (a status byte) stays two scalar booleans: a pair in which no lane
    // takes the branch skips it without building a mask
    const lanes = c.kind === 'vb' ? ([this.newLocal('b0', 'i32'), this.newLocal('b1', 'i32')] as const) : null;
    let cl = '';
    if (lanes && c.kind === 'vb') {
      out.push(`${pad}(local.set ${lanes[0]} ${c.b0})`, `${pad}(local.set ${lanes[1]} ${ln.mode === 'tail' ? '(i32.const 0)' : c.b1})`);
      const [b0, b1] = lanes.map((l) => `(local.get ${l})`);
      if (!s.elseStatement && isRetireOnly(s.thenStatement) && ln.masks.length === 1 && ln.full) {
        // `if (c) continue;` on live lanes: done when every lane takes it
        out.push(`${pad}(br_if ${ln.label} ${ln.mode === 'tail' ? b0 : `(i32.and ${b0} ${b1})`})`);
        out.push(`${pad}(if (i32.or ${b0} ${b1})`, `${pad}  (then`);
        out.push(...this.setMask(`${pad}    `, ln.masks[0], `(v128.andnot ${this.curMask()} ${maskOfLanes(b0, b1)})`));
        out.push(`${pad}  )`, `${pad})`);
        ln.full = false;
        return out;
      }
    } else {
      cl = this.newLocal('cond', 'v128');
      out.push(`${pad}(local.set ${cl} ${this.mask(c, s.expression)})`);
    }
    const condMask = lanes ? maskOfLanes(`(local.get ${lanes[0]})`, `(local.get ${lanes[1]})`) : `(local.get ${cl})`;
    let checkedInside = false;
    const branch = (st: ts.Statement, maskCode: string, guard: string | null, checkRetired: boolean) => {
      const ml = this.newLocal(`m${ln.masks.length}`, 'v128');
      this.staleMasks();
      const inner = [...this.setMask(`${pad}  `, ml, maskCode), `${pad}  (if (v128.any_true (local.get ${ml}))`, `${pad}    (then`];
      ln.masks.push(ml);
      ln.full = false;
      const snap = this.rawSnapshot();
      inner.push(...body(st, ind + 3));
      this.rawRestore(snap);
      ln.masks.pop();
      this.staleMasks();
      inner.push(`${pad}    )`, `${pad}  )`);
      // lanes can only have been retired where some lane took the branch: check there
      if (checkRetired && ln.retired && ln.masks.length === 1) {
        inner.push(`${pad}  (br_if ${ln.label} (i32.eqz (v128.any_true ${this.curMask()})))`);
        checkedInside = true;
      }
      if (guard) out.push(`${pad}(if ${guard}`, `${pad}  (then`, ...inner.map((l) => `  ${l}`), `${pad}  )`, `${pad})`);
      else out.push(`${pad}(block`, ...inner, `${pad})`);
    };
    const [g0, g1] = lanes ? lanes.map((l) => `(local.get ${l})`) : ['', ''];
    branch(s.thenStatement, `(v128.and ${this.curMask()} ${condMask})`, lanes ? `(i32.or ${g0} ${g1})` : null, !s.elseStatement);
    if (s.elseStatement) branch(s.elseStatement, `(v128.andnot ${this.curMask()} ${condMask})`, lanes ? `(i32.eqz (i32.and ${g0} ${g1}))` : null, false);
    ln.full = wasFull && !ln.retired;
    if (ln.retired && ln.masks.length === 1) {
      if (!checkedInside) out.push(`${pad}(br_if ${ln.label} (i32.eqz (v128.any_true ${this.curMask()})))`);
      ln.full = false;
    }
    return out;
  }

  private continueStatement(s: ts.ContinueStatement, ind: number): string[] {
    const pad = ' '.repeat(2 * ind);
    const ln = this.lane;
    const loop = this.loops[this.loops.length - 1];
    if (loop && (!ln || loop.lane === ln.id)) return [`${pad}(br ${loop.cont})`];
    if (!ln) fail(s, 'continue outside a loop');
    if (ln.masks.length === 1) return [`${pad}(br ${ln.label})`];
    // retire the lanes of the current mask from every enclosing mask
    const cur = ln.masks[ln.masks.length - 1];
    const out: string[] = [];
    for (let k = 0; k < ln.masks.length - 1; k++) out.push(...this.setMask(pad, ln.masks[k], `(v128.andnot (local.get ${ln.masks[k]}) (local.get ${cur}))`));
    out.push(...this.setMask(pad, cur, '(v128.const i64x2 0 0)'));
    ln.retired = true;
    return out;
  }

  private forStatement(s: ts.ForStatement, ind: number): string[] {
    const pad = ' '.repeat(2 * ind);
    const init = s.initializer;
    if (!init || !ts.isVariableDeclarationList(init) || init.declarations.length !== 1) fail(s, 'a for loop declares one counter');
    const d = init.declarations[0];
    if (!ts.isIdentifier(d.name) || !d.initializer) fail(s, 'a for loop declares one counter');
    const sym = this.symbolOf(d.name);
    if (this.lanes && d.name.text === this.lanes && !this.lane) return this.laneLoop(s, d.name.text, sym, d.initializer, ind);
    // a scalar loop: counter, condition and step the same for both lanes
    const out = this.declare(init, ind, true);
    const b = this.bindings.get(sym);
    if (b?.kind !== 'u') fail(s, 'the loop counter must be an integer the same for every lane');
    if (!s.condition || !s.incrementor) fail(s, 'a for loop needs a condition and a step');
    const cond = this.expr(s.condition);
    if (isVarying(cond)) fail(s.condition, 'a loop condition must be the same for every lane');
    const brk = this.label('brk'),
      top = this.label('top'),
      cont = this.label('cont');
    out.push(`${pad}(block ${brk}`, `${pad}  (loop ${top}`, `${pad}    (br_if ${brk} (i32.eqz ${this.bool(cond, s.condition)}))`, `${pad}    (block ${cont}`);
    this.loops.push({ cont, lane: this.lane ? this.lane.id : -1 });
    this.staleMasks();
    const snap = this.rawSnapshot();
    out.push(...this.statement(s.statement, ind + 3));
    this.rawRestore(snap);
    // a loop body may run again after its own stores: nothing it read stays known
    if (this.lane) this.lane.raw.clear();
    this.staleMasks();
    this.loops.pop();
    out.push(`${pad}    )`, ...this.exprStatement(s.incrementor, ind + 2), `${pad}    (br ${top})`, `${pad}  )`, `${pad})`);
    return out;
  }

  private laneLoop(s: ts.ForStatement, name: string, sym: ts.Symbol, start: ts.Expression, ind: number): string[] {
    const pad = ' '.repeat(2 * ind);
    const K = ts.SyntaxKind;
    const cond = s.condition;
    if (!cond || !ts.isBinaryExpression(cond) || cond.operatorToken.kind !== K.LessThanToken || cond.left.getText() !== name)
      fail(s, `the lane loop must read \`for (let ${name} = a; ${name} < b; ${name}++)\``);
    const inc = s.incrementor;
    if (!inc || !(ts.isPostfixUnaryExpression(inc) || ts.isPrefixUnaryExpression(inc)) || inc.operator !== K.PlusPlusToken)
      fail(s, `the lane loop must step ${name}++`);
    const first = this.i32(this.expr(start), start);
    const end = this.i32(this.expr(cond.right), cond.right);
    const iv = `$${name}`;
    if (!this.locals.includes(`(local ${iv} i32)`)) this.locals.push(`(local ${iv} i32)`);
    const endL = this.newLocal(`${name}_end`, 'i32');
    const id = this.laneCount++;
    const splats = new Map<string, string>();
    const pre = new Map<string, string>();
    const run = (mode: 'pair' | 'tail'): { label: string; mask: string; body: string[] } => {
      const label = this.label(`next_${mode}_`);
      const mask = this.newLocal(`lanes_${mode}`, 'v128');
      this.lane = {
        id,
        sym,
        varName: name,
        mode,
        label,
        splats,
        pre,
        masks: [mask],
        m32: new Map(),
        fresh: new Set(),
        raw: new Map(),
        full: true,
        retired: false,
      };
      const body: string[] = [];
      for (const st of ts.isBlock(s.statement) ? s.statement.statements : [s.statement]) {
        this.lane.retired = false;
        body.push(...this.statement(st, ind + (mode === 'pair' ? 4 : 3)));
      }
      this.lane = null;
      return { label, mask, body };
    };
    const isParam = (e: ts.Expression) => ts.isIdentifier(e) && this.fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === e.text);
    this.laneStart = isParam(start) ? start.getText() : null;
    if (this.oddOnly) {
      const odd = run('tail');
      return [
        `${pad};; lanes: ${name} alone (the odd last one of a call of the pair function)`,
        `${pad}(local.set ${iv} ${first})`,
        `${pad}(local.set ${endL} ${end})`,
        ...[...pre].map(([l, code]) => `${pad}(local.set ${l} ${code})`),
        ...[...splats].map(([f, v]) => `${pad}(local.set ${v} (f64x2.splat ${f}))`),
        `${pad}(if (i32.lt_s (local.get ${iv}) (local.get ${endL}))`,
        `${pad}  (then`,
        `${pad}    (local.set ${odd.mask} ${LANE0})`,
        `${pad}    (block ${odd.label}`,
        ...odd.body,
        `${pad}    )`,
        `${pad}  )`,
        `${pad})`,
      ];
    }
    const split = this.kc.tailToSource && this.exported && this.laneCount === 1 && isParam(start) && isParam(cond.right);
    if (split) this.laneBounds = { start: start.getText(), end: cond.right.getText() };
    const pair = run('pair');
    const tail = split ? null : run('tail');
    const done = this.label('lanes_done'),
      loop = this.label('lanes_pair');
    return [
      `${pad};; lanes: ${name} and ${name} + 1 together`,
      `${pad}(local.set ${iv} ${first})`,
      `${pad}(local.set ${endL} ${end})`,
      ...[...pre].map(([l, code]) => `${pad}(local.set ${l} ${code})`),
      ...[...splats].map(([f, v]) => `${pad}(local.set ${v} (f64x2.splat ${f}))`),
      `${pad}(block ${done}`,
      `${pad}  (loop ${loop}`,
      `${pad}    (br_if ${done} (i32.ge_s (i32.add (local.get ${iv}) (i32.const 1)) (local.get ${endL})))`,
      `${pad}    (local.set ${pair.mask} ${ALL_LANES})`,
      `${pad}    (block ${pair.label}`,
      ...pair.body,
      `${pad}    )`,
      `${pad}    (local.set ${iv} (i32.add (local.get ${iv}) (i32.const 2)))`,
      `${pad}    (br ${loop})`,
      `${pad}  )`,
      `${pad})`,
      ...(tail
        ? [
            `${pad};; the last ${name} alone when the count is odd`,
            `${pad}(if (i32.lt_s (local.get ${iv}) (local.get ${endL}))`,
            `${pad}  (then`,
            `${pad}    (local.set ${tail.mask} ${LANE0})`,
            `${pad}    (block ${tail.label}`,
            ...tail.body,
            `${pad}    )`,
            `${pad}  )`,
            `${pad})`,
          ]
        : [`${pad};; an odd last ${name} is left to ${this.fn.name?.getText()}_odd (the binding calls it)`]),
    ];
  }
}

/** whether a statement only continues (`continue;` or `{ continue; }`) */
function isRetireOnly(st: ts.Statement): boolean {
  if (ts.isContinueStatement(st)) return true;
  return ts.isBlock(st) && st.statements.length === 1 && ts.isContinueStatement(st.statements[0]);
}

/** whether a uniform value depends only on values fixed before any lane loop */
function hoistable(v: Val): boolean {
  return v.kind === 'lit' || (v.kind === 'u' && v.hoist === true);
}

function litText(n: number): string {
  return f64const(n).slice('(f64.const '.length, -1);
}

function foldArith(o: string, a: number, b: number): number {
  switch (o) {
    case 'add':
      return a + b;
    case 'sub':
      return a - b;
    case 'mul':
      return a * b;
    case 'div':
      return a / b;
    case 'and':
      return a & b;
    case 'or':
      return a | b;
    case 'xor':
      return a ^ b;
    case 'shl':
      return a << b;
    case 'shr_s':
      return a >> b;
    case 'shr_u':
      return a >>> b;
  }
  throw new Error(o);
}

function hasCall(n: ts.Node): boolean {
  let found = false;
  const visit = (x: ts.Node): void => {
    if (ts.isCallExpression(x) && !x.expression.getText().startsWith('Math.')) found = true;
    if (!found) ts.forEachChild(x, visit);
  };
  visit(n);
  return found;
}

/** the element type of a state array by its layout path */
function elemOf(path: string): Arr['elem'] {
  if (path.startsWith('pheno.') || path === 'status' || path === 'nbr' || path === 'born' || path === 'clone') return 'u8';
  if (path.startsWith('colSink.') || path === 'rowFactors') return 'f64';
  return 'f32';
}

/** the name of the module-level declaration an identifier refers to (through imports), as `file#name` */
function declOf(checker: ts.TypeChecker, node: ts.Identifier): string | undefined {
  let sym = checker.getSymbolAtLocation(node);
  if (!sym) return undefined;
  if (sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
  const d = sym.valueDeclaration;
  if (!d || !ts.isVariableDeclaration(d) || !ts.isIdentifier(d.name)) return undefined;
  return d.name.text;
}
