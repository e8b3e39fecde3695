import { defineContractSuite } from '../src/suite.ts';

// The same suite through Prism's validating proxy, here in front of the mock: the path a real
// server's answers take (see real.contract.test.ts).
defineContractSuite('proxy-to-mock');
