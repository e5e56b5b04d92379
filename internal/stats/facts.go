package stats

import (
	"strings"
	"time"
)

// proposalFact is what statistics need of one proposal.
type proposalFact struct {
	created                 time.Time
	path                    string // where it was filed (origin_path)
	status, category        string
	channel, kind, level    string
	author                  *int
	submitted, resolvedTime *time.Time
}

// act is one person taking part at a moment: co-signing, attending a
// meeting, voting or giving feedback.
type act struct {
	user int
	at   time.Time
	path string // the unit path the act belongs to
}

// score is one satisfaction rating and when it was given.
type score struct {
	at    time.Time
	value int
	path  string // the origin path of the rated proposal
}

// facts are the rows of one subtree, reduced to what is counted.
type facts struct {
	proposals []proposalFact
	acts      []act
	scores    []score
}

// within keeps the facts that fall in r.
func (f facts) within(r Range) facts {
	var out facts
	for _, p := range f.proposals {
		if r.Contains(p.created) {
			out.proposals = append(out.proposals, p)
		}
	}
	for _, a := range f.acts {
		if r.Contains(a.at) {
			out.acts = append(out.acts, a)
		}
	}
	for _, s := range f.scores {
		if r.Contains(s.at) {
			out.scores = append(out.scores, s)
		}
	}
	return out
}

// under keeps the facts that belong to the subtree at path.
func (f facts) under(path string) facts {
	var out facts
	for _, p := range f.proposals {
		if strings.HasPrefix(p.path, path) {
			out.proposals = append(out.proposals, p)
		}
	}
	for _, a := range f.acts {
		if strings.HasPrefix(a.path, path) {
			out.acts = append(out.acts, a)
		}
	}
	for _, s := range f.scores {
		if strings.HasPrefix(s.path, path) {
			out.scores = append(out.scores, s)
		}
	}
	return out
}

// levelOf names the level of the unit at path by its depth: "s1/" is a
// subdistrict, "s1/c4/" a community, "s1/c4/g9/" a grid.
func levelOf(path string) string {
	switch strings.Count(path, "/") {
	case 1:
		return "subdistrict"
	case 2:
		return "community"
	}
	return "grid"
}
