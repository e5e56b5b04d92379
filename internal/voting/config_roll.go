package voting

import "yishi/internal/apperr"

// validateRoll checks eligibility against weighting: floor area and
// per-household weights belong to dwellings, so they need a households
// roll; a participants roll needs the meeting.
func (c Config) validateRoll() []apperr.FieldError {
	var out []apperr.FieldError
	add := func(f, m string) { out = append(out, apperr.FieldError{Field: f, Message: m}) }
	if !oneOf(c.Eligibility, "members", "participants", "households") {
		add("eligibility", "must be members, participants or households")
	}
	if !oneOf(c.Weighting, "person", "household", "floor_area") {
		add("weighting", "must be person, household or floor_area")
	} else if c.Weighting != "person" && c.Eligibility != "households" {
		add("weighting", c.Weighting+" weighting needs eligibility households")
	}
	if c.Eligibility == "participants" && !c.HasMeeting {
		add("meeting_id", "a vote of the meeting's participants needs meeting_id")
	}
	return out
}

// validateRule checks each rule's own parameters. Art. 278 is a yes/no
// vote of households by floor area: single choice, first option "同意".
func (c Config) validateRule() []apperr.FieldError {
	var out []apperr.FieldError
	add := func(f, m string) { out = append(out, apperr.FieldError{Field: f, Message: m}) }
	if !oneOf(c.Rule, RulePlurality, RuleMajorityQuorum, RuleCivilCode278) {
		add("rule", "must be plurality, majority_quorum or civil_code_278")
	}
	if c.Rule == RuleMajorityQuorum {
		if c.Quorum == nil || *c.Quorum <= 0 || *c.Quorum > 1 {
			add("quorum", "majority_quorum needs a quorum above 0 and at most 1 (a share of the roll's weight)")
		}
	} else if c.Quorum != nil {
		add("quorum", "is only for majority_quorum")
	}
	if c.MajorMatter && c.Rule != RuleCivilCode278 {
		add("major_matter", "is only for civil_code_278")
	}
	if c.Rule == RuleCivilCode278 {
		if c.Method != "single" && len(c.Questions) == 0 {
			add("method", "civil_code_278 votes are single choice (the first option approves)")
		}
		if c.Eligibility != "households" {
			add("eligibility", "civil_code_278 counts owners by household: use households")
		}
		if c.Weighting != "floor_area" {
			add("weighting", "civil_code_278 weighs by floor_area")
		}
	}
	return out
}
