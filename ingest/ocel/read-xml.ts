// OCEL 2.0 XML (.xml/.xmlocel, optionally .gz), read with saxes as a stream of tags. Errors name the
// line (IngestError.row) and the element/attribute (field).
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { readBytes, utf8Text } from './input';
import { attrType, fail, normValue, OcelLog, parseTime, type OcelEvent, type OcelObject, type ReadOptions, type Where } from './model';

const CHUNK = 1 << 20;

export async function readOcelXml(path: string, maxBytes: number, opts: ReadOptions = {}): Promise<OcelLog> {
  const bytes = await readBytes(path, maxBytes);
  // The declaration is ASCII: check it before decoding, so a Latin-1 file is named as such.
  const decl = /^(?:\u00EF\u00BB\u00BF)?\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(bytes.subarray(0, 256).toString('latin1'));
  if (decl && !/^(utf-?8|us-ascii)$/i.test(decl[1])) {
    throw fail(path, { row: 1, field: 'encoding' }, `unsupported encoding "${decl[1]}"; OCEL files must be UTF-8`);
  }
  const text = utf8Text(path, bytes);
  const log = new OcelLog(path);
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const stack: string[] = [];
  let typeDecl: { kind: 'event' | 'object'; name: string; attrs: [string, ReturnType<typeof attrType>][] } | null = null;
  let obj: OcelObject | null = null;
  let ev: OcelEvent | null = null;
  let attr: { name: string; time: string | undefined; text: string; where: Where } | null = null;
  let sawLog = false;
  let error: Error | null = null;

  const where = (field: string | null): Where => ({ row: parser.line, field });
  const req = (tag: SaxesTagPlain, name: string): string => {
    const v = tag.attributes[name];
    if (typeof v !== 'string' || v === '') throw fail(path, where(`<${tag.name}> ${name}`), `<${tag.name}> without ${name}`);
    return v;
  };

  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    stack.push(tag.name);
    switch (tag.name) {
      case 'log':
        if (stack.length !== 1) throw fail(path, where('log'), 'nested <log>');
        sawLog = true;
        return;
      case 'object-type':
      case 'event-type':
        typeDecl = { kind: tag.name === 'event-type' ? 'event' : 'object', name: req(tag, 'name'), attrs: [] };
        return;
      case 'object':
        if (parent === 'objects' && stack.length === 3) {
          obj = { id: req(tag, 'id'), type: req(tag, 'type'), attrs: [], rels: [], where: where('object') };
        }
        return;
      case 'event':
        if (parent === 'events') {
          ev = {
            id: req(tag, 'id'),
            type: req(tag, 'type'),
            time: parseTime(tag.attributes.time, path, where('<event> time'), opts),
            attrs: {},
            rels: [],
            where: where('event'),
          };
        }
        return;
      case 'attribute':
        if (typeDecl) {
          typeDecl.attrs.push([req(tag, 'name'), attrType(tag.attributes.type, path, where('<attribute> type'))]);
        } else if (obj || ev) {
          const t = tag.attributes.time;
          attr = { name: req(tag, 'name'), time: typeof t === 'string' ? t : undefined, text: '', where: where(`<attribute name="${tag.attributes.name}">`) };
        }
        return;
      case 'relationship': {
        const target = req(tag, 'object-id');
        const q = tag.attributes.qualifier;
        const qualifier = typeof q === 'string' ? q : '';
        if (ev) ev.rels.push([target, qualifier]);
        else if (obj) obj.rels.push([target, qualifier]);
        return;
      }
      default:
        return;
    }
  });
  parser.on('text', (t) => {
    if (attr) attr.text += t;
  });
  parser.on('cdata', (t) => {
    if (attr) attr.text += t;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    switch (tag.name) {
      case 'object-type':
      case 'event-type':
        if (typeDecl) log.declare(typeDecl.kind, typeDecl.name, typeDecl.attrs);
        typeDecl = null;
        return;
      case 'attribute':
        if (attr && obj) {
          const value = normValue(attr.text, log.objectTypes.get(obj.type)?.get(attr.name), path, attr.where, opts);
          const time = attr.time === undefined ? 0 : parseTime(attr.time, path, attr.where, opts);
          if (value !== null) obj.attrs.push({ name: attr.name, time, value });
        } else if (attr && ev) {
          const value = normValue(attr.text, log.eventTypes.get(ev.type)?.get(attr.name), path, attr.where, opts);
          if (value !== null) ev.attrs[attr.name] = value;
        }
        attr = null;
        return;
      case 'object':
        if (obj && stack.length === 2) {
          log.objects.push(obj);
          obj = null;
        }
        return;
      case 'event':
        if (ev) log.events.push(ev);
        ev = null;
        return;
      default:
        return;
    }
  });
  parser.on('error', (err) => {
    error ??= err;
  });

  try {
    for (let i = 0; i < text.length && !error; i += CHUNK) parser.write(text.slice(i, i + CHUNK));
    if (!error) parser.close();
  } catch (err) {
    error ??= err as Error;
  }
  if (error) {
    if ('file' in error) throw error;
    const truncated = /unclosed|unexpected end|document must contain/i.test(error.message);
    const at = /^(\d+):\d+:/.exec(error.message);
    throw fail(path, { row: at ? Number(at[1]) : parser.line, field: null }, `${truncated ? 'truncated or invalid XML' : 'invalid XML'}: ${error.message}`);
  }
  if (!sawLog) throw fail(path, { row: null, field: 'log' }, 'not an OCEL 2.0 XML document (no <log> root)');
  log.check();
  return log;
}
