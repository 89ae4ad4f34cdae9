import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { startSite, type FakeSite, type SiteRoute } from '../fakes/site-server.js';
import { writeCaFile, type CaFile } from '../fakes/test-ca.js';

/**
 * The hooks of a test file that starts fake HTTPS sites: one throw-away CA file for the file (the bundles trust it
 * through NODE_EXTRA_CA_CERTS), and every site a test starts closed after that test.
 */
export function fakeSites(): { caFile(): string; start(routes: Record<string, SiteRoute>): Promise<FakeSite> } {
  let ca: CaFile | undefined;
  const open: FakeSite[] = [];
  beforeAll(() => {
    ca = writeCaFile();
  });
  afterAll(() => ca?.cleanup());
  afterEach(async () => {
    for (const site of open.splice(0)) await site.close();
  });
  return {
    caFile() {
      if (ca === undefined) throw new Error('the CA file is written in beforeAll');
      return ca.file;
    },
    async start(routes) {
      const site = await startSite(routes);
      open.push(site);
      return site;
    }
  };
}
