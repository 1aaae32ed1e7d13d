import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bboxOf, type AreaGeometry, type BBox } from './geometry.ts';

/** The CBS municipality outlines of 2023 (data/SOURCES.md), also the dashboard map's base layer. */
export const MUNICIPALITIES_GEOJSON = resolve(import.meta.dirname, '../../../data/geo/gemeenten-2023.geojson');

export interface Municipality {
  /** CBS code, e.g. `GM0344` (Utrecht). */
  code: string;
  name: string;
  inhabitants: number;
  geometry: AreaGeometry;
  bbox: BBox;
}

interface OutlineFile {
  features: Array<{ geometry: AreaGeometry; properties: { gemeentecode: string; gemeentenaam: string; aantalInwoners?: number | null } }>;
}

/** The municipalities by CBS code. */
export class Municipalities {
  private readonly byCode: ReadonlyMap<string, Municipality>;

  constructor(list: readonly Municipality[]) {
    this.byCode = new Map(list.map((m) => [m.code, m]));
  }

  /** Reads the bundled outlines (about 1 MB; read once per process). */
  static load(file = MUNICIPALITIES_GEOJSON): Municipalities {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as OutlineFile;
    return new Municipalities(
      parsed.features.map((f) => ({
        code: f.properties.gemeentecode,
        name: f.properties.gemeentenaam,
        inhabitants: Math.max(0, f.properties.aantalInwoners ?? 0),
        geometry: f.geometry,
        bbox: bboxOf(f.geometry),
      })),
    );
  }

  get(code: string): Municipality | undefined {
    return this.byCode.get(code.toUpperCase());
  }

  all(): Municipality[] {
    return [...this.byCode.values()];
  }
}

let shared: Municipalities | undefined;

/** The bundled outlines, loaded on first use and shared by the module's services. */
export function bundledMunicipalities(): Municipalities {
  shared ??= Municipalities.load();
  return shared;
}
