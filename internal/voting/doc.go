// Package voting holds the rules of Yishi's votes (DESIGN.md §5): which
// vote configurations are allowed, how the eligible roll is built and
// frozen, how a ballot is cast once per voter, how ballots are tallied and
// how the three decision rules read a tally. The arithmetic is exact
// (math/big.Rat over the decimals people typed), so a threshold such as
// "at least two thirds of the floor area" is never decided by a float
// rounding error.
//
// Choices recorded here, because clients and auditors depend on them:
//
//   - Weighting by floor area, and weighting per household, need
//     eligibility "households": floor area belongs to a dwelling, and
//     counting it once per registered member would count a shared flat
//     twice. Members and meeting participants vote with weight 1.
//   - Civil Code Art. 278 votes are single-choice yes/no votes among
//     households weighted by floor area. The first option is the proposal
//     ("同意"); every other option (反对, 弃权) counts as participating but
//     not approving. Headcount is one per household, as the Supreme
//     People's Court's interpretation on building ownership counts one
//     owner per dwelling (专有部分). "以上" is ≥ and "过半数" is >.
//   - Multiple-choice ballots give their full weight to every option
//     chosen (approval voting), so option weights may sum to more than the
//     turnout weight.
//   - A ballot carries a random public token and a receipt code that is
//     shown to the voter once; only its SHA-256 is stored. Anonymous
//     ballots carry no voter key and no time, and lists are ordered by
//     token, so the stored ballot cannot be joined back to the
//     VoteParticipation row that records who voted.
package voting
