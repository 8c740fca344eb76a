/**
 * The English catalogue of the panel, read from the source: every `t()` / `tx()` call with a
 * literal key and English default, every `<Trans i18nKey="…">English</Trans>`, the finding
 * sentences (src/analysis/messages.ts) and the option declarations (thresholds and settings).
 * `npm run i18n:extract` writes it to src/locales/en-US; a test holds that file to the source.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { ALL_DECLARATIONS, EFFECT_PHRASES, SENTENCES, templatesOf } from '../../src/analysis';

export const REPO = join(__dirname, '..', '..');
export const NAMESPACE = 'kafkalens-brokerhealth-panel';
export const LOCALES = ['en-US', 'ko-KR'] as const;
export const localeFile = (locale: string) => join(REPO, 'src', 'locales', locale, `${NAMESPACE}.json`);

export type Flat = Record<string, string>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name === 'analysis' || name === 'locales' || name === 'testkit' ? [] : sourceFiles(path);
    }
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** A JS string literal's value (single or double quotes, the escapes the sources use). */
function unquote(quote: string, body: string): string {
  if (quote === '"') {
    return JSON.parse(`"${body}"`);
  }
  return JSON.parse(`"${body.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`);
}

// t(), tx(), and src/i18n.ts' own uncached calls to @grafana/i18n's t() (imported as translate).
const CALL = /\b(?:tx?|translate)\(\s*'([^'`$]+)'\s*,\s*(['"])((?:\\.|(?!\2)[^\\])*)\2/g;
const TRANS = /<Trans i18nKey="([^"]+)">([\s\S]*?)<\/Trans>/g;

/** Literal keys of the components, with where each is used (for error messages). */
export function sourceStrings(): { strings: Flat; where: Record<string, string> } {
  const strings: Flat = {};
  const where: Record<string, string> = {};
  const put = (key: string, text: string, file: string) => {
    if (key in strings && strings[key] !== text) {
      throw new Error(`${key} has two English texts: "${strings[key]}" (${where[key]}) and "${text}" (${file})`);
    }
    strings[key] = text;
    where[key] = file;
  };
  for (const file of sourceFiles(join(REPO, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const name = relative(REPO, file);
    for (const m of text.matchAll(CALL)) {
      put(m[1], unquote(m[2], m[3]), name);
    }
    for (const m of text.matchAll(TRANS)) {
      // JSX collapses the line breaks and indentation of its text.
      put(m[1], m[2].replace(/\s+/g, ' ').trim(), name);
    }
  }
  return { strings, where };
}

/** Everything the panel says in English, keyed as the locale files are. */
export function englishCatalog(): Flat {
  const out: Flat = { ...sourceStrings().strings };
  for (const key of Object.keys(SENTENCES)) {
    const english = templatesOf(key)!;
    out[`findings.${key}.message`] = english.message;
    if (english.suggestion) {
      out[`findings.${key}.suggestion`] = english.suggestion;
    }
  }
  for (const [key, english] of Object.entries(EFFECT_PHRASES)) {
    out[`effects.${key}`] = english;
  }
  for (const [key, d] of ALL_DECLARATIONS) {
    out[`thresholds.${key}.name`] = d.label;
    out[`thresholds.${key}.description`] = d.description;
  }
  return out;
}

/** Dotted keys to nested objects (the shape i18next reads), keys sorted. */
export function nest(flat: Flat): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const key of Object.keys(flat).sort()) {
    const parts = key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (typeof next === 'string') {
        throw new Error(`${key}: "${part}" is both a text and a group`);
      }
      node = (next as Record<string, unknown>) ?? (node[part] = {});
    }
    node[parts[parts.length - 1]] = flat[key];
  }
  return root;
}

export function flatten(tree: unknown, prefix = '', out: Flat = {}): Flat {
  if (typeof tree === 'string') {
    out[prefix] = tree;
  } else if (tree && typeof tree === 'object') {
    for (const [k, v] of Object.entries(tree)) {
      flatten(v, prefix ? `${prefix}.${k}` : k, out);
    }
  }
  return out;
}

export function readLocale(locale: string): Flat {
  return flatten(JSON.parse(readFileSync(localeFile(locale), 'utf8')));
}

/** The {{placeholders}} of a text, sorted. */
export function placeholders(text: string): string[] {
  return Array.from(text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g), (m) => m[1]).sort();
}
