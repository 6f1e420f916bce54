import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Pages load lazily and the test suite shares two cores with other suites:
// give `findBy*` and `waitFor` more than the default second.
configure({ asyncUtilTimeout: 10_000 });
