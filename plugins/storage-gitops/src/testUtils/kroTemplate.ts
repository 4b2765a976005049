/**
 * Renders kro (v0.9.3) resource templates for an instance, as kro's runtime
 * would, for the expressions of the celSubset evaluator. The `${…}` scanner
 * keeps kro's rules (pkg/graph/parser/cel.go): braces are counted outside
 * double-quoted strings only, a `${` nested inside an expression is an error
 * unless it directly follows a quote, a field that is one whole expression
 * takes the expression's value (omit() removes it), and an expression
 * inside a longer string must give a string.
 */
import { evaluateCel, OMIT } from './celSubset';

type Obj = Record<string, any>;

interface Match {
  expr: string;
  start: number;
  end: number;
}

/** The `${…}` expressions of a string, by kro's scanning rules. */
export function extractExpressions(str: string): Match[] {
  const matches: Match[] = [];
  let start = 0;
  while (start < str.length) {
    const open = str.indexOf('${', start);
    if (open === -1) break;
    let depth = 1;
    let i = open + 2;
    let inString = false;
    for (; i < str.length; i++) {
      const c = str[i];
      if (inString && c === '\\') {
        i++;
        continue;
      }
      if (c === '"') inString = !inString;
      else if (!inString) {
        if (c === '{') depth++;
        else if (c === '}') {
          depth--;
          if (depth === 0) break;
        } else if (str.startsWith('${', i) && str[i - 1] !== '"')
          throw new Error(
            `nested expressions are not allowed unless inside string literals: ${str}`,
          );
      }
    }
    if (depth !== 0) {
      // kro skips an unterminated `${` and scans on from the next character.
      start = open + 1;
      continue;
    }
    matches.push({ expr: str.slice(open + 2, i), start: open, end: i + 1 });
    start = i + 1;
  }
  return matches;
}

function renderString(value: string, vars: Obj): unknown {
  const matches = extractExpressions(value);
  if (matches.length === 0) return value;
  if (
    matches.length === 1 &&
    matches[0].start === 0 &&
    matches[0].end === value.length
  )
    return evaluateCel(matches[0].expr, vars);
  let out = '';
  let last = 0;
  for (const m of matches) {
    const result = evaluateCel(m.expr, vars);
    if (typeof result !== 'string')
      throw new Error(
        `\${${m.expr}} is part of a string, so it must give a string (omit() only stands alone)`,
      );
    out += value.slice(last, m.start) + result;
    last = m.end;
  }
  return out + value.slice(last);
}

/** A template with its expressions evaluated; omit() values are left out. */
export function renderTemplate(template: unknown, vars: Obj): unknown {
  if (typeof template === 'string') return renderString(template, vars);
  if (Array.isArray(template))
    return template
      .map(item => renderTemplate(item, vars))
      .filter(item => item !== OMIT);
  if (template && typeof template === 'object') {
    const out: Obj = {};
    for (const [key, value] of Object.entries(template)) {
      const rendered = renderTemplate(value, vars);
      if (rendered !== OMIT) out[key] = rendered;
    }
    return out;
  }
  return template;
}

const MARKER = /(\w+)=("(?:[^"\\]|\\.)*"|\S+)/g;

function defaultOf(spec: string): unknown {
  const [type, markers = ''] = spec.split('|').map(s => s.trim());
  for (const m of markers.matchAll(MARKER)) {
    if (m[1] !== 'default') continue;
    const raw = m[2].startsWith('"') ? JSON.parse(m[2]) : m[2];
    if (type === 'string') return String(raw);
    if (type === 'boolean') return raw === 'true';
    if (type === 'integer' || type === 'number') return Number(raw);
    return JSON.parse(raw); // arrays, maps, objects: JSON, as kro writes it into the CRD
  }
  return undefined;
}

/**
 * The instance spec with the SimpleSchema defaults applied, as the API
 * server defaults it from the generated CRD (an object whose fields have
 * defaults and none is required defaults to `{}`).
 */
export function withSchemaDefaults(spec: Obj | undefined, fields: Obj): Obj {
  const out: Obj = { ...(spec ?? {}) };
  for (const [name, field] of Object.entries(fields)) {
    if (typeof field === 'string') {
      const value = defaultOf(field);
      if (out[name] === undefined && value !== undefined) out[name] = value;
    } else if (out[name] !== undefined || !hasRequired(field as Obj)) {
      const nested = withSchemaDefaults(out[name], field as Obj);
      if (out[name] !== undefined || Object.keys(nested).length > 0)
        out[name] = nested;
    }
  }
  return out;
}

function hasRequired(fields: Obj): boolean {
  return Object.values(fields).some(
    f => typeof f === 'string' && /\|.*\brequired=true\b/.test(f),
  );
}

/** Every `${…}` expression of a graph (templates, readyWhen, includeWhen, status). */
export function graphExpressions(graph: Obj): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string')
      out.push(...extractExpressions(value).map(m => m.expr));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object')
      Object.values(value).forEach(walk);
  };
  walk(graph.spec?.resources);
  walk(graph.spec?.schema?.status);
  return out;
}

/**
 * The objects kro would apply for an instance of the graph: each resource
 * template rendered with `schema` = the defaulted instance (resources with
 * forEach or includeWhen are not supported here and throw).
 */
export function renderGraph(graph: Obj, instance: Obj): Obj[] {
  const schema = {
    ...instance,
    spec: withSchemaDefaults(instance.spec, graph.spec.schema.spec ?? {}),
  };
  return (graph.spec.resources as Obj[]).map(resource => {
    if (resource.forEach || resource.includeWhen)
      throw new Error(
        `kroTemplate: resource ${resource.id} uses forEach/includeWhen`,
      );
    return renderTemplate(resource.template, { schema }) as Obj;
  });
}
