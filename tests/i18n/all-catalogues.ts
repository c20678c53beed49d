// Every catalogue, including those of the parts the page loads on first use (each adds itself to
// src/i18n when imported): tests that scan all messages import this first.
import '../../src/i18n/site';
import '../../src/i18n/suggest';
import '../../src/i18n/ledger';
import '../../src/i18n/workspace';
import '../../src/i18n/workspace-shared';
