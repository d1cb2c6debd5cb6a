/**
 * The mapping file: how another export (other column names, dates such as M/D/YYYY or D.M.YYYY,
 * decimal commas, its own document type codes, one currency for the whole file) is read as the
 * canonical format, without editing the export. A JSON object, documented in docs/import.md:
 *
 *   {
 *     "description": "SAP FBL5N export, German locale",
 *     "dateFormat": "D.M.YYYY",
 *     "decimalSeparator": ",",
 *     "thousandsSeparator": ".",
 *     "defaultCurrency": "EUR",
 *     "documentTypes": { "RV": "invoice", "DG": "credit_memo" },
 *     "invoices": { "columns": { "customer_number": "Debitor", "amount": "Betrag" } },
 *     "payments": { "columns": { "payment_reference": "Belegnummer" }, "dateFormat": "DD.MM.YYYY" }
 *   }
 *
 * "columns" maps a canonical column to the export's column; canonical columns it does not name are
 * looked for under their own name. The settings at the top apply to both files; "invoices" and
 * "payments" may override any of them for their file. Everything is checked when the file is read,
 * so a typo in a key or a column name stops the import before any row is read.
 */
import {
  CANONICAL_NUMBER_FORMAT,
  compileDateFormat,
  ISO_DATE_FORMAT,
  THOUSANDS_SEPARATORS,
  type DateFormat,
  type NumberFormat,
} from './values';
import { DOCUMENT_TYPES, fieldsOf, type CanonicalDocumentType, type CanonicalField, type FileKind } from './formats';
import { currencyProblem } from './currencies';

export class MappingError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file} is not a valid mapping file:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'MappingError';
  }
}

/** How one input file is read: where each canonical column is, and how its values are written. */
export interface FileFormat {
  readonly kind: FileKind;
  /** canonical column -> the file's column, for the columns the mapping renames */
  readonly columns: Readonly<Partial<Record<CanonicalField, string>>>;
  readonly dateFormat: DateFormat;
  readonly number: NumberFormat;
  /** the currency of rows without one (no currency column, or a blank cell) */
  readonly defaultCurrency?: string;
  /** the export's document type codes -> canonical types (the canonical names are always accepted too) */
  readonly documentTypes: Readonly<Record<string, CanonicalDocumentType>>;
}

export function canonicalFormat(kind: FileKind): FileFormat {
  return { kind, columns: {}, dateFormat: ISO_DATE_FORMAT, number: CANONICAL_NUMBER_FORMAT, documentTypes: {} };
}

export interface ImportMapping {
  readonly description?: string;
  readonly invoices: FileFormat;
  readonly payments: FileFormat;
}

const SETTINGS = ['dateFormat', 'decimalSeparator', 'thousandsSeparator', 'defaultCurrency', 'documentTypes'] as const;
const TOP_KEYS = new Set<string>(['description', '$comment', 'invoices', 'payments', ...SETTINGS]);
const FILE_KEYS = new Set<string>(['columns', '$comment', ...SETTINGS]);

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses and checks a mapping file's text; throws MappingError listing every problem. */
export function parseMapping(text: string, file: string): ImportMapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MappingError(file, [`not JSON: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const problems: string[] = [];
  if (!isObject(json)) throw new MappingError(file, ['the mapping must be a JSON object']);
  for (const key of Object.keys(json))
    if (!TOP_KEYS.has(key)) problems.push(`unknown key "${key}" (known: ${[...TOP_KEYS].join(', ')})`);
  if (json.description !== undefined && typeof json.description !== 'string')
    problems.push('"description" must be a string');
  const formats = (['invoices', 'payments'] as const).map((kind) => {
    const section = json[kind];
    if (section !== undefined && !isObject(section)) {
      problems.push(`"${kind}" must be an object`);
      return fileFormat(kind, json, {}, problems);
    }
    const own = section ?? {};
    for (const key of Object.keys(own)) {
      if (!FILE_KEYS.has(key)) problems.push(`${kind}: unknown key "${key}" (known: ${[...FILE_KEYS].join(', ')})`);
    }
    if (kind === 'payments' && own.documentTypes !== undefined)
      problems.push('payments: "documentTypes" only applies to invoices');
    return fileFormat(kind, json, own, problems);
  });
  // a setting at the top is checked once per file: say each problem once
  if (problems.length > 0) throw new MappingError(file, [...new Set(problems)]);
  const [invoices, payments] = formats as [FileFormat, FileFormat];
  return { ...(typeof json.description === 'string' ? { description: json.description } : {}), invoices, payments };
}

function fileFormat(kind: FileKind, top: JsonObject, own: JsonObject, problems: string[]): FileFormat {
  const setting = (key: (typeof SETTINGS)[number]): { value: unknown; where: string } =>
    own[key] !== undefined ? { value: own[key], where: `${kind}.${key}` } : { value: top[key], where: key };
  const format: {
    -readonly [K in keyof FileFormat]: FileFormat[K];
  } = canonicalFormat(kind);

  const dateFormat = setting('dateFormat');
  if (dateFormat.value !== undefined) {
    if (typeof dateFormat.value !== 'string')
      problems.push(`"${dateFormat.where}" must be a string such as "M/D/YYYY"`);
    else {
      try {
        format.dateFormat = compileDateFormat(dateFormat.value);
      } catch (error) {
        problems.push(`"${dateFormat.where}": ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  const decimal = setting('decimalSeparator');
  const thousands = setting('thousandsSeparator');
  let decimalSeparator: NumberFormat['decimalSeparator'] = CANONICAL_NUMBER_FORMAT.decimalSeparator;
  let thousandsSeparator = CANONICAL_NUMBER_FORMAT.thousandsSeparator;
  if (decimal.value !== undefined) {
    if (decimal.value === '.' || decimal.value === ',') decimalSeparator = decimal.value;
    else problems.push(`"${decimal.where}" must be "." or ","`);
  }
  if (thousands.value !== undefined) {
    if (typeof thousands.value === 'string' && THOUSANDS_SEPARATORS.includes(thousands.value))
      thousandsSeparator = thousands.value;
    else
      problems.push(
        `"${thousands.where}" must be one of ${THOUSANDS_SEPARATORS.map((s) => JSON.stringify(s)).join(', ')}`,
      );
  }
  if (thousandsSeparator === decimalSeparator)
    problems.push(`the thousands separator and the decimal separator are both "${decimalSeparator}"`);
  format.number = { decimalSeparator, thousandsSeparator };

  const currency = setting('defaultCurrency');
  if (currency.value !== undefined) {
    const problem = typeof currency.value === 'string' ? currencyProblem(currency.value) : 'it is not a string';
    if (problem) problems.push(`"${currency.where}": ${problem}`);
    else format.defaultCurrency = currency.value as string;
  }

  const types = setting('documentTypes');
  if (kind === 'invoices' && types.value !== undefined) {
    if (!isObject(types.value))
      problems.push(`"${types.where}" must be an object such as {"INV": "invoice", "CM": "credit_memo"}`);
    else {
      const documentTypes: Record<string, CanonicalDocumentType> = {};
      for (const [code, type] of Object.entries(types.value)) {
        if (typeof type === 'string' && type in DOCUMENT_TYPES)
          documentTypes[code.trim()] = type as CanonicalDocumentType;
        else
          problems.push(
            `"${types.where}": "${code}" maps to ${JSON.stringify(type)}, not one of ${Object.keys(DOCUMENT_TYPES).join(', ')}`,
          );
      }
      format.documentTypes = documentTypes;
    }
  }

  if (own.columns !== undefined) {
    if (!isObject(own.columns))
      problems.push(`"${kind}.columns" must be an object of canonical column -> the file's column`);
    else {
      const { required, optional } = fieldsOf(kind);
      const known = new Set<string>([...required, ...optional]);
      const columns: Partial<Record<CanonicalField, string>> = {};
      const sources = new Map<string, string>();
      for (const [canonical, source] of Object.entries(own.columns)) {
        if (!known.has(canonical)) {
          problems.push(
            `"${kind}.columns": "${canonical}" is not a column of the ${kind} format (${[...known].join(', ')})`,
          );
        } else if (typeof source !== 'string' || source.trim() === '') {
          problems.push(`"${kind}.columns.${canonical}" must name a column of the file`);
        } else if (sources.has(source)) {
          problems.push(`"${kind}.columns": "${source}" is mapped to both ${sources.get(source)} and ${canonical}`);
        } else {
          sources.set(source, canonical);
          columns[canonical as CanonicalField] = source;
        }
      }
      format.columns = columns;
    }
  }
  return format;
}
