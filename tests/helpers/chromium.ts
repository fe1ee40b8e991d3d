import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`), never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** No background traffic: this machine's network is closed, and a test page must load from the host alone. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const hasChromium = existsSync(CHROMIUM);

/**
 * `describe` when Chromium is installed. Without it: in CI (CI=true) the
 * suite fails, so a missing browser can never pass for green; on a
 * developer's machine it is skipped, with a warning that says how to install it.
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (hasChromium) return describe(name, body);
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium package (see .ci/run) so the browser tests run.`);
      });
    });
    return;
  }
  console.warn(
    `\n*** SKIPPED "${name}": ${CHROMIUM} is missing. Install it with \`apt-get install -y chromium\` to run the browser tests locally (CI fails without it). ***\n`,
  );
  describe.skip(name, body);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
