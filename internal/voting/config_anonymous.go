package voting

import "yishi/internal/apperr"

// validateAnonymity refuses the combinations under which an anonymous
// vote would still link a ballot to a person or a household (DECISIONS,
// "Anonymous votes (issue 15)"):
//   - live results move with every ballot, so whoever knows who just
//     voted (a meeting room, a queue at the desk) learns their choice;
//   - floor-area weighting needs each ballot's area to be recounted from
//     the published list, and an area is often unique to one flat.
//
// Each refusal names both fields, so the client knows either one fixes it.
func (c Config) validateAnonymity() []apperr.FieldError {
	if !c.Anonymous {
		return nil
	}
	var out []apperr.FieldError
	if c.ResultsVisibility == "live" {
		out = append(out,
			apperr.FieldError{Field: "anonymous", Message: "an anonymous vote cannot show live results: use results_visibility after_close"},
			apperr.FieldError{Field: "results_visibility", Message: "live results would reveal each anonymous ballot as it is cast"})
	}
	if c.Weighting == "floor_area" {
		out = append(out,
			apperr.FieldError{Field: "anonymous", Message: "a vote weighted by floor_area is named: areas identify households"},
			apperr.FieldError{Field: "weighting", Message: "floor_area weighting cannot be anonymous"})
	}
	return out
}
