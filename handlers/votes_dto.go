package handlers

import (
	"strings"
	"time"
	"unicode/utf8"

	"yishi/internal/apperr"
	"yishi/internal/voting"
)

// createVoteRequest sets up a vote at the unit in the URL. Defaults:
// weighting person, rule plurality, results after_close, max_choices 1
// for single and the number of options for multiple.
type createVoteRequest struct {
	Title             string     `json:"title" example:"爱心椅的样式" maxLength:"200"`
	ProposalID        *int       `json:"proposal_id,omitempty" example:"41"`
	MeetingID         *int       `json:"meeting_id,omitempty" example:"9"`
	Method            string     `json:"method" enums:"single,multiple" example:"single"`
	MaxChoices        *int       `json:"max_choices,omitempty" minimum:"1" example:"1"`
	Options           []string   `json:"options" minItems:"2" maxItems:"20" example:"木质靠背椅,金属折叠椅,石凳"`
	Eligibility       string     `json:"eligibility" enums:"members,participants,households" example:"members"`
	Weighting         string     `json:"weighting,omitempty" enums:"person,household,floor_area" example:"person"`
	Rule              string     `json:"rule,omitempty" enums:"plurality,majority_quorum,civil_code_278" example:"plurality"`
	Quorum            *float64   `json:"quorum,omitempty" example:"0.5"`
	MajorMatter       bool       `json:"major_matter,omitempty"`
	Anonymous         bool       `json:"anonymous,omitempty"`
	ResultsVisibility string     `json:"results_visibility,omitempty" enums:"live,after_close" example:"after_close"`
	OpensAt           *time.Time `json:"opens_at,omitempty"`
	ClosesAt          *time.Time `json:"closes_at,omitempty"`
	// Questions make one vote ask several questions (the love seat's
	// style, place and name): each has its own prompt, method, maximum
	// and options, and method, max_choices and options are then left out
	// at the top. Eligibility, weighting, rule, anonymity and window
	// apply to the vote as a whole.
	Questions []voteQuestionRequest `json:"questions,omitempty" maxItems:"10"`
}

// voteQuestionRequest is one question of a multi-question vote.
type voteQuestionRequest struct {
	Prompt     string   `json:"prompt" example:"爱心椅的样式" maxLength:"200"`
	Method     string   `json:"method" enums:"single,multiple" example:"single"`
	MaxChoices *int     `json:"max_choices,omitempty" minimum:"1" example:"1"`
	Options    []string `json:"options" minItems:"2" maxItems:"20" example:"木质靠背椅,金属折叠椅,石凳"`
}

// questions is the rules' view of the request's questions.
func (r *createVoteRequest) questions() []voting.Question {
	out := make([]voting.Question, 0, len(r.Questions))
	for _, q := range r.Questions {
		out = append(out, voting.Question{Prompt: q.Prompt, Method: q.Method, MaxChoices: q.MaxChoices, Options: q.Options})
	}
	return out
}

// config fills the defaults and returns the rules' view of the request.
func (r *createVoteRequest) config() voting.Config {
	def := func(p *string, v string) {
		if *p == "" {
			*p = v
		}
	}
	def(&r.Weighting, "person")
	def(&r.Rule, voting.RulePlurality)
	def(&r.ResultsVisibility, "after_close")
	if len(r.Questions) > 0 {
		return voting.Config{Method: r.Method, MaxChoices: r.MaxChoices, Options: r.Options, Eligibility: r.Eligibility,
			Weighting: r.Weighting, Rule: r.Rule, Quorum: r.Quorum, MajorMatter: r.MajorMatter,
			ResultsVisibility: r.ResultsVisibility, Anonymous: r.Anonymous, HasMeeting: r.MeetingID != nil,
			OpensAt: r.OpensAt, ClosesAt: r.ClosesAt, Questions: r.questions()}
	}
	if r.MaxChoices == nil && r.Method == "single" {
		one := 1
		r.MaxChoices = &one
	}
	if r.MaxChoices == nil && r.Method == "multiple" {
		n := len(r.Options)
		r.MaxChoices = &n
	}
	return voting.Config{Method: r.Method, MaxChoices: r.MaxChoices, Options: r.Options, Eligibility: r.Eligibility,
		Weighting: r.Weighting, Rule: r.Rule, Quorum: r.Quorum, MajorMatter: r.MajorMatter,
		ResultsVisibility: r.ResultsVisibility, Anonymous: r.Anonymous, HasMeeting: r.MeetingID != nil, OpensAt: r.OpensAt, ClosesAt: r.ClosesAt}
}

func (r *createVoteRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if n := utf8.RuneCountInString(strings.TrimSpace(r.Title)); n < 1 || n > 200 {
		out = append(out, apperr.FieldError{Field: "title", Message: "must be 1 to 200 characters"})
	}
	return append(out, r.config().Validate(time.Now())...)
}

// castBallotRequest is a ballot. household_id picks the household to vote
// for when the caller belongs to several eligible ones.
type castBallotRequest struct {
	// OptionIDs is the choice on a one-question vote.
	OptionIDs []int `json:"option_ids,omitempty" example:"17"`
	// Answers answer every question of a multi-question vote, each once.
	Answers     []ballotAnswerRequest `json:"answers,omitempty"`
	HouseholdID *int                  `json:"household_id,omitempty"`
}

// ballotAnswerRequest is one question's answer on a ballot.
type ballotAnswerRequest struct {
	QuestionID int   `json:"question_id" example:"1"`
	OptionIDs  []int `json:"option_ids" minItems:"1" example:"17"`
}

func (r *castBallotRequest) validate() []apperr.FieldError {
	switch {
	case len(r.OptionIDs) > 0 && len(r.Answers) > 0:
		return []apperr.FieldError{{Field: "answers", Message: "send option_ids for a one-question vote, or answers for a vote with questions, not both"}}
	case len(r.OptionIDs) == 0 && len(r.Answers) == 0:
		return []apperr.FieldError{{Field: "option_ids", Message: "choose at least one option (or send answers for a vote with questions)"}}
	case len(r.Answers) > voting.MaxQuestions:
		return []apperr.FieldError{{Field: "answers", Message: "more answers than a vote has questions"}}
	}
	return nil
}

// answers is the rules' view of the ballot's answers.
func (r *castBallotRequest) answers() []voting.Answer {
	out := make([]voting.Answer, 0, len(r.Answers))
	for _, a := range r.Answers {
		out = append(out, voting.Answer{QuestionID: a.QuestionID, OptionIDs: a.OptionIDs})
	}
	return out
}

// verifyReceiptRequest carries a receipt code in the body, not the URL,
// so it stays out of access logs and browser history.
type verifyReceiptRequest struct {
	Code string `json:"code" example:"MZXW-6YTB-OI4Q-UZLM-N5XG-C3TH-GU"`
}

func (r *verifyReceiptRequest) validate() []apperr.FieldError {
	if c := strings.TrimSpace(r.Code); c == "" || len(c) > 100 {
		return []apperr.FieldError{{Field: "code", Message: "must be the receipt code you were given"}}
	}
	return nil
}
