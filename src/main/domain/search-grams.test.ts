// The gram index's documents: every character and pair of a text, pairs broken by punctuation and space.
import { describe, expect, it } from 'vitest'
import { isGramTerm, searchGrams } from './search-grams'

describe('searchGrams', () => {
  it('lists each character and each adjacent pair once, folding full width and case', () => {
    expect(searchGrams('普法，普法Ａb').split(' ').sort()).toEqual(['a', 'ab', 'b', '普', '普法', '法', '法a'].sort())
  })
  it('does not pair across punctuation or spaces', () => {
    expect(searchGrams('法。治 理').split(' ')).not.toContain('法治')
    expect(searchGrams('法。治 理').split(' ')).not.toContain('治理')
  })
  it.each([
    ['法', true],
    ['普法', true],
    ['２０', true],
    ['法治政', false],
    ['法，', false],
    ['', false]
  ])('%s is a gram term: %s', (term, yes) => {
    expect(isGramTerm(term)).toBe(yes)
  })
})
