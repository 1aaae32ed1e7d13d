import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One address the fake Locatieserver knows (fields as in PDOK's `adres` documents). */
export interface PdokAddress {
  postcode: string;
  huisnummer: number;
  huisletter?: string;
  huisnummertoevoeging?: string;
  straatnaam: string;
  woonplaatsnaam: string;
  lon: number;
  lat: number;
}

/**
 * A local HTTP server that answers `GET /free?q=postcode:… and huisnummer:…&fq=type:adres` like
 * PDOK Locatieserver v3.1 (Solr envelope `response.{numFound,start,maxScore,numFoundExact,docs}`,
 * documents with `centroide_ll: "POINT(lon lat)"`, `weergavenaam`, …), and refuses unknown query
 * parameters with a 400 as v3.1 does. `failWith` makes it answer every request with that status.
 */
export class FakePdok {
  readonly requests: URL[] = [];
  failWith: number | null = null;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    private readonly addresses: PdokAddress[],
  ) {}

  static async start(addresses: PdokAddress[]): Promise<FakePdok> {
    const holder: { fake?: FakePdok } = {};
    const server = createServer((req, res) => holder.fake!.handle(req.url ?? '/', res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.fake = new FakePdok(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/bzk/locatieserver/search/v3_1`, addresses);
    return holder.fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(raw: string, res: ServerResponse): void {
    const url = new URL(raw, 'http://localhost');
    this.requests.push(url);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
      res.end(JSON.stringify(body));
    };
    if (this.failWith !== null) return json(this.failWith, { message: 'Service Unavailable' });
    if (url.pathname !== '/bzk/locatieserver/search/v3_1/free') return json(404, { message: 'Not Found' });
    const allowed = new Set(['q', 'fq', 'rows', 'start', 'fl', 'sort', 'df', 'bq', 'lat', 'lon', 'wt']);
    for (const key of url.searchParams.keys()) if (!allowed.has(key)) return json(400, { message: `unknown query parameter ${key}` });
    const q = url.searchParams.get('q') ?? '';
    const postcode = /postcode:(\S+)/.exec(q)?.[1];
    const number = /huisnummer:(\d+)/.exec(q)?.[1];
    const onlyAddresses = url.searchParams.getAll('fq').includes('type:adres');
    const docs = this.addresses
      .filter((a) => (postcode === undefined || a.postcode === postcode) && (number === undefined || a.huisnummer === Number(number)) && onlyAddresses)
      .slice(0, Number(url.searchParams.get('rows') ?? 10))
      .map((a, i) => {
        const huis = `${a.huisnummer}${a.huisletter ?? ''}${a.huisnummertoevoeging ? `-${a.huisnummertoevoeging}` : ''}`;
        return {
          bron: 'BAG',
          type: 'adres',
          id: `adr-${i}`,
          weergavenaam: `${a.straatnaam} ${huis}, ${a.postcode} ${a.woonplaatsnaam}`,
          straatnaam: a.straatnaam,
          huisnummer: a.huisnummer,
          ...(a.huisletter && { huisletter: a.huisletter }),
          ...(a.huisnummertoevoeging && { huisnummertoevoeging: a.huisnummertoevoeging }),
          huis_nlt: huis,
          postcode: a.postcode,
          woonplaatsnaam: a.woonplaatsnaam,
          centroide_ll: `POINT(${a.lon} ${a.lat})`,
          centroide_rd: 'POINT(136000.0 455000.0)',
          score: 10 - i,
        };
      });
    json(200, { response: { numFound: docs.length, start: 0, maxScore: docs.length > 0 ? 10 : 0, numFoundExact: true, docs } });
  }
}
