package voting

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"yishi/internal/apperr"
)

// Config is a vote's set-up as a lead submits it. Validate checks the
// combinations the rules depend on before anything is stored.
type Config struct {
	Method            string
	MaxChoices        *int
	Options           []string
	Eligibility       string
	Weighting         string
	Rule              string
	Quorum            *float64
	MajorMatter       bool
	ResultsVisibility string
	Anonymous         bool
	HasMeeting        bool
	OpensAt, ClosesAt *time.Time
	// Questions, when given, make a multi-question vote: each question
	// has its own method, maximum and options, and Method, MaxChoices and
	// Options stay empty.
	Questions []Question
}

// The limits on options: a vote with one option is no choice, and a
// ballot paper with more than twenty is not one a resident can read.
const (
	MinOptions = 2
	MaxOptions = 20
)

func oneOf(v string, allowed ...string) bool { return slices.Contains(allowed, v) }

// Validate returns every offending field at once, judged at now.
func (c Config) Validate(now time.Time) []apperr.FieldError {
	var out []apperr.FieldError
	add := func(f, m string) { out = append(out, apperr.FieldError{Field: f, Message: m}) }
	if len(c.Questions) > 0 {
		out = append(out, c.validateQuestions()...)
	} else {
		out = append(out, c.validateOptions()...)
		if !oneOf(c.Method, "single", "multiple") {
			add("method", "must be single or multiple")
		}
		if c.MaxChoices != nil && (*c.MaxChoices < 1 || *c.MaxChoices > len(c.Options)) {
			add("max_choices", "must be from 1 to the number of options")
		}
		if c.Method == "single" && c.MaxChoices != nil && *c.MaxChoices != 1 {
			add("max_choices", "a single-choice vote takes exactly one option")
		}
	}
	out = append(out, c.validateRoll()...)
	out = append(out, c.validateRule()...)
	out = append(out, c.validateAnonymity()...)
	if !oneOf(c.ResultsVisibility, "live", "after_close") {
		add("results_visibility", "must be live or after_close")
	}
	if c.ClosesAt != nil && !c.ClosesAt.After(now) {
		add("closes_at", "must be in the future")
	}
	if c.OpensAt != nil && c.ClosesAt != nil && !c.ClosesAt.After(*c.OpensAt) {
		add("closes_at", "must be after opens_at")
	}
	return out
}

// validateOptions: 2 to 20 labels of 1 to 200 characters, no two alike.
func (c Config) validateOptions() []apperr.FieldError {
	if n := len(c.Options); n < MinOptions || n > MaxOptions {
		return []apperr.FieldError{{Field: "options", Message: "must have 2 to 20 labels"}}
	}
	seen := map[string]bool{}
	for _, l := range c.Options {
		l = strings.TrimSpace(l)
		if n := utf8.RuneCountInString(l); n < 1 || n > 200 {
			return []apperr.FieldError{{Field: "options", Message: "every label must be 1 to 200 characters"}}
		}
		if seen[l] {
			return []apperr.FieldError{{Field: "options", Message: "labels must be unique: " + l}}
		}
		seen[l] = true
	}
	return nil
}
