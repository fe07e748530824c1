/**
 * ParkPlan report: areas, shares, the adjustment rule and the evaluation for
 * a file of candidate blocks — the same code as the app.
 *
 *   npm run report -- <blocks.geojson|.zip|.kml|.kmz|.csv|.xlsx> [--crs wgs84|gcj02|bd09|epsg:4527…] [--towgs84 dx,dy,dz[,rx,ry,rz,s]] [--swap-axes] [--close-rings]
 *                     [--subparks <file>] [--national <file>]
 *                     [--indicators <file.csv|json>] [--json [--with-totals] | --csv]
 *                     [--share-at-threshold high|low] [--normalisation minmax|rank|zscore]
 *                     [--bottom-rounding ceil|floor|round] [--debug]
 *
 * Exit codes: 0 report written; 2 bad input (one line on stderr); 1 internal error.
 */
import { parseArgs } from 'node:util';
import { extname } from 'node:path';
import { readBlocksAsync, type InputDatum } from '../core/io/read';
import { gkZone } from '../core/crs/gauss-kruger';
import { ImportError } from '../core/io/import-error';
import { noteText } from '../core/io/import-note';
import { buildContext } from '../core/report/context';
import { evaluateBlocks } from '../core/report/evaluate-blocks';
import { toCsv, toJson, toTable } from '../core/report/format';
import { InputError, parseIndicators } from '../core/report/indicators';
import { DEFAULT_RULE_PARAMS } from '../core/rules/adjustment';
import { DEFAULT_EVALUATION_PARAMS, type BottomRounding, type Normalisation } from '../core/rules/evaluation';
import { checkBlockSet, describeBlockProblem } from '../core/validate/block-checks';
import { embeddedLayers, readBytes, readGeoJson, readText } from './load';

const USAGE =
  'usage: npm run report -- <blocks.geojson|.zip|.kml|.kmz|.csv|.xlsx> [--crs wgs84|gcj02|bd09|epsg:4527…] [--swap-axes] [--close-rings] [--subparks FILE] [--national FILE] [--indicators FILE] [--json [--with-totals] | --csv] [--share-at-threshold high|low] [--normalisation minmax|rank|zscore] [--bottom-rounding ceil|floor|round] [--debug]';

function oneOf<T extends string>(v: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (v === undefined) return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new InputError(`${flag} must be one of ${allowed.join(', ')} (got "${v}")`);
}

/** --towgs84: three or seven numbers, as PROJ's +towgs84 (metres, arc-seconds, ppm). */
function parseTowgs84(v: string): number[] {
  const xs = v.split(',').map((x) => Number(x.trim()));
  if ((xs.length !== 3 && xs.length !== 7) || !xs.every(Number.isFinite))
    throw new InputError(
      `--towgs84 needs 3 or 7 numbers separated by commas (dx,dy,dz[,rx,ry,rz,s]); got "${v}"`,
    );
  return xs;
}

/** The context of the embedded layers, built once per process (a caller may run many reports). */
let embedded: ReturnType<typeof buildContext> | undefined;
const embeddedContext = () => (embedded ??= buildContext(embeddedLayers()));

export async function main(argv: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  let debug = argv.includes('--debug');
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        subparks: { type: 'string' },
        crs: { type: 'string' },
        towgs84: { type: 'string' },
        'swap-axes': { type: 'boolean' },
        'close-rings': { type: 'boolean' },
        national: { type: 'string' },
        indicators: { type: 'string' },
        json: { type: 'boolean' },
        'with-totals': { type: 'boolean' },
        csv: { type: 'boolean' },
        'share-at-threshold': { type: 'string' },
        normalisation: { type: 'string' },
        'bottom-rounding': { type: 'string' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    debug = !!values.debug;
    if (values.help) return { stdout: USAGE + '\n', stderr: '', code: 0 };
    if (positionals.length !== 1)
      throw new InputError(positionals.length ? 'give exactly one blocks file' : USAGE);
    if (values.json && values.csv) throw new InputError('choose one of --json and --csv');
    const file = positionals[0]!;

    // --crs epsg:NNNN reads lon/lat-less files (GeoJSON, CSV, XLSX) as Gauss-Krüger metres.
    const gk = /^epsg:(\d+)$/i.exec(values.crs ?? '');
    if (gk && !gkZone(Number(gk[1])))
      throw new InputError(
        `--crs epsg:${gk[1]} is not a CGCS2000 Gauss-Krüger zone for Beijing (3-degree 4526–4528 and 4547–4549, 6-degree 4498 and 4509)`,
      );
    const datum = gk ? 'wgs84' : oneOf<InputDatum>(values.crs, ['wgs84', 'gcj02', 'bd09'], '--crs', 'wgs84');
    const fix =
      gk || values['swap-axes'] || values['close-rings']
        ? {
            swap: !!values['swap-axes'],
            ...(gk ? { epsg: Number(gk[1]) } : {}),
            ...(values['close-rings'] ? { closeRings: true } : {}),
          }
        : undefined;
    const towgs84 = values.towgs84 === undefined ? undefined : parseTowgs84(values.towgs84);
    const read = await readBlocksAsync(new Uint8Array(readBytes(file, 'blocks file')), file, {
      datum,
      ...(towgs84 ? { towgs84 } : {}),
      ...(fix ? { fix } : {}),
    });
    const blocks = read.blocks;

    const ctx =
      values.subparks || values.national
        ? buildContext({
            ...embeddedLayers(),
            ...(values.subparks
              ? { subparks: readGeoJson(values.subparks, 'sub-parks file'), scopeIsSubparkUnion: false }
              : {}),
            ...(values.national ? { national: readGeoJson(values.national, 'national zones file') } : {}),
          })
        : embeddedContext();
    let inputs;
    const notes: string[] = [...read.notes.map(noteText), ...ctx.warnings];
    if (values.indicators) {
      const ext = extname(values.indicators).toLowerCase();
      const parsed = parseIndicators(
        readText(values.indicators, 'indicators file'),
        ext === '.json' ? 'json' : 'csv',
      );
      inputs = parsed.inputs;
      if (parsed.ignoredColumns.length)
        notes.push(`indicators: ignored unknown columns ${parsed.ignoredColumns.join(', ')}`);
    }
    const { blocks: reports, totals } = evaluateBlocks(blocks, ctx, {
      inputs,
      rule: {
        ...DEFAULT_RULE_PARAMS,
        shareAtThreshold: oneOf(
          values['share-at-threshold'],
          ['high', 'low'] as const,
          '--share-at-threshold',
          'high',
        ),
      },
      evaluation: {
        ...DEFAULT_EVALUATION_PARAMS,
        normalisation: oneOf<Normalisation>(
          values.normalisation,
          ['minmax', 'rank', 'zscore'],
          '--normalisation',
          'minmax',
        ),
        bottomRounding: oneOf<BottomRounding>(
          values['bottom-rounding'],
          ['ceil', 'floor', 'round'],
          '--bottom-rounding',
          'ceil',
        ),
      },
    });
    const names = new Map(reports.map((r) => [r.id, r.name]));
    // Geometry checks (the sub-park ones are in the report's warnings already).
    const problems = checkBlockSet(
      blocks.features.map((f, i) => ({ id: reports[i]!.id, geometry: f.geometry })),
    );
    for (const p of problems) notes.push(`check: ${describeBlockProblem(p, (id) => names.get(id) ?? id)}`);
    if (inputs) {
      const known = new Set(reports.map((r) => r.id));
      const unknown = [...inputs.keys()].filter((id) => !known.has(id));
      if (unknown.length)
        notes.push(
          `indicators: no block with id ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ' …' : ''}`,
        );
    }
    const stdout = values.json
      ? JSON.stringify(
          values['with-totals'] ? { blocks: reports.map(toJson), totals } : reports.map(toJson),
          null,
          2,
        ) + '\n'
      : values.csv
        ? toCsv(reports)
        : toTable(reports, totals);
    return { stdout, stderr: notes.map((n) => `report: note: ${n}\n`).join(''), code: 0 };
  } catch (e) {
    const err = e as Error;
    const isInput =
      err instanceof InputError ||
      err instanceof ImportError ||
      (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const line = `report: ${isInput ? '' : 'internal error: '}${err.message}\n`;
    return { stdout: '', stderr: debug ? `${line}${err.stack ?? ''}\n` : line, code: isInput ? 2 : 1 };
  }
}

const invokedDirectly =
  process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (invokedDirectly) {
  void main(process.argv.slice(2)).then((r) => {
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    process.exitCode = r.code;
  });
}
