import { describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS } from '../e2e/support/chromium'

describe("the end-to-end suite's Chromium switches", () => {
  it("repeat Playwright's own --disable-features list before the window features the tests never use", () => {
    const flags = CHROMIUM_ARGS.filter((a) => a.startsWith('--disable-features='))
    // Chromium keeps only the last --disable-features: one list, Playwright's included.
    expect(flags).toHaveLength(1)
    const features = flags[0].slice('--disable-features='.length).split(',')
    expect(features).toEqual(expect.arrayContaining(['HttpsUpgrades', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']))
    expect(features.every((f) => /^[A-Za-z0-9]+$/.test(f))).toBe(true)
  })
})
