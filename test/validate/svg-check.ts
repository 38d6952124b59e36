// Why this file exists: a parse-free well-formedness check for the report's SVG strings, shared by
// the validation tests: tags balance, one <svg> root, no NaN/undefined leaked into attributes.

/** Problems found in an SVG string (empty when it looks well formed). */
export function svgProblems(svg: string): string[] {
  const problems: string[] = [];
  const body = svg.trim();
  if (!body.startsWith('<svg ') || !body.endsWith('</svg>')) problems.push('not a single <svg> ... </svg> element');
  if (!body.includes('xmlns="http://www.w3.org/2000/svg"')) problems.push('missing the SVG namespace');
  if (/NaN|undefined|Infinity/.test(body)) problems.push('NaN, undefined or Infinity in the output');
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:-]*)\b[^>]*?(\/?)>/g)) {
    const [, close, name, selfClose] = m;
    if (selfClose) continue;
    if (close) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else {
      if (stack.length === 0) roots++;
      stack.push(name);
    }
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(', ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  const text = body.replace(/<[^>]*>/g, '');
  if (/[<>]/.test(text) || /&(?!amp;|lt;|gt;|quot;|#\d+;)/.test(text)) problems.push('unescaped text');
  return problems;
}
