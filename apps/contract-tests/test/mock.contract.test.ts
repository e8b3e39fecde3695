import { defineContractSuite } from '../src/suite.ts';

// The client, the mock and the spec agree.
defineContractSuite('mock');
