// Package similarity finds near-duplicate proposals by character bigrams,
// which suits Chinese text without word segmentation: "楼道爱心椅" and
// "楼道里装爱心椅" share 楼道, 爱心, 心椅.
package similarity

import (
	"sort"
	"strings"
	"unicode"
)

// Bigrams returns the set of adjacent letter/digit pairs of s, lower-cased,
// skipping spaces and punctuation so formatting does not matter.
func Bigrams(s string) map[string]struct{} {
	var runes []rune
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			runes = append(runes, r)
		}
	}
	out := make(map[string]struct{}, len(runes))
	for i := 0; i+1 < len(runes); i++ {
		out[string(runes[i:i+2])] = struct{}{}
	}
	return out
}

// Dice is the Sørensen–Dice coefficient of two bigram sets, in [0, 1].
func Dice(a, b map[string]struct{}) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	shared := 0
	for k := range a {
		if _, ok := b[k]; ok {
			shared++
		}
	}
	return 2 * float64(shared) / float64(len(a)+len(b))
}

// Candidate is a text to compare against, identified by ID.
type Candidate struct {
	ID   int
	Text string
}

// Match is a candidate with its similarity score.
type Match struct {
	ID    int
	Score float64
}

// Rank scores every candidate against text and returns those at or above
// min, best first (ties by ID), at most limit.
func Rank(text string, candidates []Candidate, min float64, limit int) []Match {
	q := Bigrams(text)
	var out []Match
	for _, c := range candidates {
		if score := Dice(q, Bigrams(c.Text)); score >= min {
			out = append(out, Match{ID: c.ID, Score: score})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].ID < out[j].ID
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}
