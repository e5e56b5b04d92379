package voting

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"yishi/ent"
	"yishi/ent/schema/schematype"
	"yishi/internal/apperr"
)

// MaxQuestions bounds a multi-question vote: the love seat asks three
// (style, place, name); a ballot paper of more than ten is not one a
// resident answers with care.
const MaxQuestions = 10

// Question is one question of a multi-question vote as a lead submits it.
// MaxChoices nil means 1 for single and the number of options for
// multiple, as for a vote's own method.
type Question struct {
	Prompt     string
	Method     string
	MaxChoices *int
	Options    []string
}

// maxOf is q's maximum number of choices, defaulted.
func (q Question) maxOf() int {
	switch {
	case q.MaxChoices != nil:
		return *q.MaxChoices
	case q.Method == "multiple":
		return len(q.Options)
	}
	return 1
}

// validateQuestions checks every question: a prompt, a method, a
// maximum within its options and 2 to 20 unique labels. Fields are named
// questions[i].field so a form can point at the question.
func (c Config) validateQuestions() []apperr.FieldError {
	if len(c.Questions) > MaxQuestions {
		return []apperr.FieldError{{Field: "questions", Message: fmt.Sprintf("at most %d questions", MaxQuestions)}}
	}
	var out []apperr.FieldError
	if len(c.Options) > 0 || c.MaxChoices != nil || c.Method != "" {
		out = append(out, apperr.FieldError{Field: "options",
			Message: "a vote with questions takes method, max_choices and options per question, not at the top"})
	}
	for i, q := range c.Questions {
		name := func(f string) string { return fmt.Sprintf("questions[%d].%s", i, f) }
		if n := utf8.RuneCountInString(strings.TrimSpace(q.Prompt)); n < 1 || n > 200 {
			out = append(out, apperr.FieldError{Field: name("prompt"), Message: "must be 1 to 200 characters"})
		}
		if !oneOf(q.Method, "single", "multiple") {
			out = append(out, apperr.FieldError{Field: name("method"), Message: "must be single or multiple"})
		}
		if m := q.maxOf(); m < 1 || m > len(q.Options) || (q.Method == "single" && m != 1) {
			out = append(out, apperr.FieldError{Field: name("max_choices"),
				Message: "must be from 1 to the number of options, and 1 for a single choice"})
		}
		for _, e := range (Config{Options: q.Options}).validateOptions() {
			out = append(out, apperr.FieldError{Field: name("options"), Message: e.Message})
		}
		if c.Rule == RuleCivilCode278 && q.Method != "single" {
			out = append(out, apperr.FieldError{Field: name("method"),
				Message: "civil_code_278 votes are single choice (the first option approves)"})
		}
	}
	return out
}

// Stored turns the questions into the vote's questions column, numbered
// from 1, and the top-level method and maximum a multi-question vote
// records: multiple, and the most option ids one ballot can hold.
func Stored(qs []Question) (out []schematype.VoteQuestion, method string, maxChoices int) {
	method = "single"
	for i, q := range qs {
		out = append(out, schematype.VoteQuestion{ID: i + 1, Prompt: strings.TrimSpace(q.Prompt),
			Method: q.Method, MaxChoices: q.maxOf()})
		maxChoices += q.maxOf()
	}
	if len(qs) > 1 || (len(qs) == 1 && qs[0].Method == "multiple") {
		method = "multiple"
	}
	return out, method, maxChoices
}

// Answer is one question's answer on a ballot.
type Answer struct {
	QuestionID int
	OptionIDs  []int
}

// CheckAnswers validates a multi-question ballot: every question of v
// answered exactly once, each answer within its question's options and
// maximum. It returns the ballot's option ids (all answers, question
// order), which is what is stored and published: each option belongs to
// one question, so the flat list loses nothing and recounts per question.
func CheckAnswers(v *ent.Vote, opts []*ent.VoteOption, answers []Answer) ([]int, []apperr.FieldError) {
	byQuestion := map[int][]int{}
	for _, o := range opts {
		byQuestion[o.Question] = append(byQuestion[o.Question], o.ID)
	}
	seen := map[int]bool{}
	var bad []apperr.FieldError
	var flat []int
	for i, a := range answers {
		name := fmt.Sprintf("answers[%d]", i)
		q := slices.IndexFunc(v.Questions, func(q schematype.VoteQuestion) bool { return q.ID == a.QuestionID })
		switch {
		case q < 0:
			bad = append(bad, apperr.FieldError{Field: name + ".question_id", Message: fmt.Sprintf("%d is not a question of this vote", a.QuestionID)})
			continue
		case seen[a.QuestionID]:
			bad = append(bad, apperr.FieldError{Field: name + ".question_id", Message: fmt.Sprintf("question %d is answered twice", a.QuestionID)})
			continue
		}
		seen[a.QuestionID] = true
		for _, e := range CheckChoice(a.OptionIDs, byQuestion[a.QuestionID], v.Questions[q].MaxChoices) {
			bad = append(bad, apperr.FieldError{Field: name + "." + e.Field, Message: e.Message})
		}
		flat = append(flat, a.OptionIDs...)
	}
	for _, q := range v.Questions {
		if !seen[q.ID] {
			bad = append(bad, apperr.FieldError{Field: "answers", Message: fmt.Sprintf("question %d (%s) is not answered", q.ID, q.Prompt)})
		}
	}
	return flat, bad
}

// QuestionOptions groups opts by question id, in ballot order.
func QuestionOptions(opts []*ent.VoteOption) map[int][]*ent.VoteOption {
	out := map[int][]*ent.VoteOption{}
	for _, o := range opts {
		out[o.Question] = append(out[o.Question], o)
	}
	return out
}
