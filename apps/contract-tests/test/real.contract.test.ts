import { describe, it } from 'vitest';
import { defineContractSuite } from '../src/suite.ts';
import { realServerEnvironment } from '../src/target.ts';

// Against a real SuperOffice installation, through Prism's validating proxy, when the
// environment names one (see the README): SO_CONTRACT_BASE_URL and credentials.
if (realServerEnvironment()) {
  defineContractSuite('real');
} else {
  describe('against a real SuperOffice server', () => {
    it.skip('set SO_CONTRACT_BASE_URL and credentials (SO_TICKET, SO_TOKEN, SO_USER with SO_PASSWORD) to run the suite against one', () => {});
  });
}
