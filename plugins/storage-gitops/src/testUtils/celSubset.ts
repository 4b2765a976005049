/**
 * A small evaluator for the subset of CEL the generated kro graphs use:
 * field access (`a.b`, `a.?b`), string / int / bool literals, list and map
 * literals, `==`, `!=`, `<`, `<=`, `>`, `>=`, `&&`, `||`, `!`, `+`, `? :`,
 * `size()`, `omit()` and the methods `join()` and `orValue()`. Anything
 * else is a parse error, so a graph that uses more fails its tests instead of
 * passing unchecked. Semantics follow the CEL spec for these operators
 * (no implicit conversions: `"a" + 1` is an error).
 */

/** kro's omit() sentinel: the field (or list item) is left out. */
export const OMIT = Symbol('omit');

interface Optional {
  optional: true;
  value?: unknown;
  present: boolean;
}

type Token =
  | { type: 'ident'; value: string }
  | { type: 'string'; value: string }
  | { type: 'int'; value: number }
  | { type: 'op'; value: string };

const OPS = [
  '.?',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '.',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '?',
  '<',
  '>',
  '!',
  '+',
];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      let value = '';
      i++;
      while (i < source.length && source[i] !== '"') {
        if (source[i] === '\\') {
          const next = source[i + 1];
          const escapes: Record<string, string> = {
            n: '\n',
            t: '\t',
            '"': '"',
            '\\': '\\',
          };
          if (!(next in escapes))
            throw new Error(`CEL subset: unsupported escape \\${next}`);
          value += escapes[next];
          i += 2;
        } else value += source[i++];
      }
      if (source[i] !== '"') throw new Error('CEL subset: unterminated string');
      i++;
      tokens.push({ type: 'string', value });
      continue;
    }
    if (c === "'")
      throw new Error(
        "CEL subset: single-quoted strings are not used (kro's ${} scanner only tracks double quotes)",
      );
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
    if (ident) {
      tokens.push({ type: 'ident', value: ident[0] });
      i += ident[0].length;
      continue;
    }
    const int = /^\d+/.exec(source.slice(i));
    if (int) {
      tokens.push({ type: 'int', value: Number(int[0]) });
      i += int[0].length;
      continue;
    }
    const rest = source.slice(i);
    const op = OPS.find(o => rest.startsWith(o));
    if (!op) throw new Error(`CEL subset: unexpected '${c}' in ${source}`);
    tokens.push({ type: 'op', value: op });
    i += op.length;
  }
  return tokens;
}

type Node =
  | { kind: 'lit'; value: unknown }
  | { kind: 'ident'; name: string }
  | { kind: 'select'; target: Node; field: string; optional: boolean }
  | { kind: 'index'; target: Node; index: Node }
  | { kind: 'call'; name: string; target?: Node; args: Node[] }
  | { kind: 'list'; items: Node[] }
  | { kind: 'map'; entries: Array<[Node, Node]> }
  | { kind: 'unary'; op: string; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node }
  | { kind: 'cond'; test: Node; then: Node; else: Node };

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  parse(): Node {
    const node = this.conditional();
    if (this.pos !== this.tokens.length)
      throw new Error(
        `CEL subset: unexpected tokens at the end of ${this.source}`,
      );
    return node;
  }

  private peek(value?: string): boolean {
    const t = this.tokens[this.pos];
    return (
      t !== undefined &&
      t.type === 'op' &&
      (value === undefined || t.value === value)
    );
  }

  private expect(value: string): void {
    if (!this.peek(value))
      throw new Error(`CEL subset: expected '${value}' in ${this.source}`);
    this.pos++;
  }

  private conditional(): Node {
    const test = this.binary(0);
    if (!this.peek('?')) return test;
    this.pos++;
    const then = this.conditional();
    this.expect(':');
    return { kind: 'cond', test, then, else: this.conditional() };
  }

  private static readonly LEVELS = [
    ['||'],
    ['&&'],
    ['==', '!=', '<', '<=', '>', '>='],
    ['+'],
  ];

  private binary(level: number): Node {
    if (level === Parser.LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    while (
      this.peek() &&
      Parser.LEVELS[level].includes(
        (this.tokens[this.pos] as { value: string }).value,
      )
    ) {
      const op = (this.tokens[this.pos++] as { value: string }).value;
      left = { kind: 'binary', op, left, right: this.binary(level + 1) };
    }
    return left;
  }

  private unary(): Node {
    if (this.peek('!')) {
      this.pos++;
      return { kind: 'unary', op: '!', operand: this.unary() };
    }
    return this.member();
  }

  private args(): Node[] {
    this.expect('(');
    const args: Node[] = [];
    while (!this.peek(')')) {
      args.push(this.conditional());
      if (!this.peek(')')) this.expect(',');
    }
    this.pos++;
    return args;
  }

  private member(): Node {
    let node = this.primary();
    for (;;) {
      if (this.peek('.') || this.peek('.?')) {
        const optional =
          (this.tokens[this.pos++] as { value: string }).value === '.?';
        const name = this.tokens[this.pos++];
        if (name?.type !== 'ident')
          throw new Error(
            `CEL subset: expected a field name in ${this.source}`,
          );
        if (!optional && this.peek('('))
          node = {
            kind: 'call',
            name: name.value,
            target: node,
            args: this.args(),
          };
        else
          node = { kind: 'select', target: node, field: name.value, optional };
      } else if (this.peek('[')) {
        this.pos++;
        const index = this.conditional();
        this.expect(']');
        node = { kind: 'index', target: node, index };
      } else return node;
    }
  }

  private primary(): Node {
    const t = this.tokens[this.pos++];
    if (!t) throw new Error(`CEL subset: unexpected end of ${this.source}`);
    if (t.type === 'string' || t.type === 'int')
      return { kind: 'lit', value: t.value };
    if (t.type === 'ident') {
      if (t.value === 'true' || t.value === 'false')
        return { kind: 'lit', value: t.value === 'true' };
      if (t.value === 'null') return { kind: 'lit', value: null };
      if (this.peek('('))
        return { kind: 'call', name: t.value, args: this.args() };
      return { kind: 'ident', name: t.value };
    }
    if (t.value === '(') {
      const inner = this.conditional();
      this.expect(')');
      return inner;
    }
    if (t.value === '[') {
      const items: Node[] = [];
      while (!this.peek(']')) {
        items.push(this.conditional());
        if (!this.peek(']')) this.expect(',');
      }
      this.pos++;
      return { kind: 'list', items };
    }
    if (t.value === '{') {
      const entries: Array<[Node, Node]> = [];
      while (!this.peek('}')) {
        const key = this.conditional();
        this.expect(':');
        entries.push([key, this.conditional()]);
        if (!this.peek('}')) this.expect(',');
      }
      this.pos++;
      return { kind: 'map', entries };
    }
    throw new Error(`CEL subset: unexpected '${t.value}' in ${this.source}`);
  }
}

/** Parses an expression of the subset; throws on anything outside it. */
export function parseCel(source: string): Node {
  return new Parser(tokenize(source), source).parse();
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isOptional = (v: unknown): v is Optional =>
  isObject(v) &&
  (v as { optional?: unknown }).optional === true &&
  'present' in v;

function sameType(a: unknown, b: unknown): boolean {
  return typeof a === typeof b && Array.isArray(a) === Array.isArray(b);
}

function evaluate(node: Node, vars: Record<string, unknown>): unknown {
  switch (node.kind) {
    case 'lit':
      return node.value;
    case 'ident':
      if (!(node.name in vars))
        throw new Error(`CEL: undeclared reference '${node.name}'`);
      return vars[node.name];
    case 'select': {
      const target = evaluate(node.target, vars);
      if (isOptional(target)) {
        if (!target.present) return target;
        const inner = target.value;
        return isObject(inner) && node.field in inner
          ? { optional: true, present: true, value: inner[node.field] }
          : { optional: true, present: false };
      }
      if (!isObject(target))
        throw new Error(`CEL: no field '${node.field}' on a non-object`);
      if (node.optional)
        return node.field in target
          ? { optional: true, present: true, value: target[node.field] }
          : { optional: true, present: false };
      if (!(node.field in target))
        throw new Error(`CEL: no such key: ${node.field}`);
      return target[node.field];
    }
    case 'index': {
      const target = evaluate(node.target, vars);
      const index = evaluate(node.index, vars);
      if (Array.isArray(target) && typeof index === 'number') {
        if (index < 0 || index >= target.length)
          throw new Error('CEL: index out of range');
        return target[index];
      }
      if (isObject(target) && typeof index === 'string') {
        if (!(index in target)) throw new Error(`CEL: no such key: ${index}`);
        return target[index];
      }
      throw new Error('CEL: bad index');
    }
    case 'list':
      return node.items.map(item => evaluate(item, vars));
    case 'map':
      return Object.fromEntries(
        node.entries.map(([k, v]) => {
          const key = evaluate(k, vars);
          if (typeof key !== 'string')
            throw new Error('CEL subset: map keys must be strings');
          return [key, evaluate(v, vars)];
        }),
      );
    case 'unary': {
      const operand = evaluate(node.operand, vars);
      if (typeof operand !== 'boolean')
        throw new Error("CEL: '!' needs a bool");
      return !operand;
    }
    case 'cond': {
      const test = evaluate(node.test, vars);
      if (typeof test !== 'boolean')
        throw new Error('CEL: a condition must be a bool');
      return test ? evaluate(node.then, vars) : evaluate(node.else, vars);
    }
    case 'binary':
      return binary(node.op, node.left, node.right, vars);
    case 'call':
      return call(node, vars);
    default:
      throw new Error('CEL subset: unknown node');
  }
}

function binary(
  op: string,
  l: Node,
  r: Node,
  vars: Record<string, unknown>,
): unknown {
  if (op === '&&' || op === '||') {
    const left = evaluate(l, vars);
    if (typeof left !== 'boolean') throw new Error(`CEL: '${op}' needs bools`);
    if (op === '&&' ? !left : left) return left;
    const right = evaluate(r, vars);
    if (typeof right !== 'boolean') throw new Error(`CEL: '${op}' needs bools`);
    return right;
  }
  const left = evaluate(l, vars);
  const right = evaluate(r, vars);
  if (op === '==' || op === '!=') {
    if (!sameType(left, right))
      throw new Error(`CEL: no such overload for '${op}'`);
    const equal = JSON.stringify(left) === JSON.stringify(right);
    return op === '==' ? equal : !equal;
  }
  if (op === '+') {
    if (typeof left === 'string' && typeof right === 'string')
      return left + right;
    if (typeof left === 'number' && typeof right === 'number')
      return left + right;
    if (Array.isArray(left) && Array.isArray(right)) return [...left, ...right];
    throw new Error("CEL: no such overload for '+'");
  }
  if (
    !(typeof left === 'number' && typeof right === 'number') &&
    !(typeof left === 'string' && typeof right === 'string')
  )
    throw new Error(`CEL: no such overload for '${op}'`);
  const [a, b] = [left as number | string, right as number | string];
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

function call(
  node: Extract<Node, { kind: 'call' }>,
  vars: Record<string, unknown>,
): unknown {
  const known = node.target
    ? ['join', 'orValue'].includes(node.name)
    : ['omit', 'size'].includes(node.name);
  if (!known)
    throw new Error(
      `CEL subset: unsupported ${node.target ? 'method .' : 'function '}${
        node.name
      }()`,
    );
  const args = node.args.map(a => evaluate(a, vars));
  if (node.target === undefined) {
    if (node.name === 'omit' && args.length === 0) return OMIT;
    if (node.name === 'size' && args.length === 1) {
      const [v] = args;
      if (typeof v === 'string' || Array.isArray(v)) return v.length;
      if (isObject(v)) return Object.keys(v).length;
      throw new Error('CEL: size() of a non-collection');
    }
    throw new Error(`CEL subset: unsupported function ${node.name}()`);
  }
  const target = evaluate(node.target, vars);
  if (node.name === 'join' && Array.isArray(target) && args.length <= 1) {
    const separator = args[0] ?? '';
    if (
      typeof separator !== 'string' ||
      !target.every(t => typeof t === 'string')
    )
      throw new Error('CEL: join() needs a list of strings and a string');
    return target.join(separator);
  }
  if (node.name === 'orValue' && isOptional(target) && args.length === 1)
    return target.present ? target.value : args[0];
  throw new Error(`CEL subset: unsupported method .${node.name}()`);
}

/** Evaluates an expression of the subset with the given variables. */
export function evaluateCel(
  source: string,
  vars: Record<string, unknown>,
): unknown {
  return evaluate(parseCel(source), vars);
}
