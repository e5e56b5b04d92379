package workflow

// Row is one line of the lifecycle table as documentation prints it: the
// statuses an action starts from and the status it leads to. To is empty
// where the next status is computed; Computed says how.
type Row struct {
	Action   string
	From     []string
	To       string
	Computed string
}

// computed says how the actions whose next status depends on the request
// or the proposal choose it (see Next).
func computed(action string) string {
	switch action {
	case Submit:
		return "collecting for a joint proposal, else submitted"
	case Cosign:
		return "submitted once the co-signatures reach cosign_threshold, else collecting"
	case Escalate:
		return "unchanged (the handling unit moves up)"
	case Decide:
		return "approved or declined, as outcome says"
	}
	return ""
}

// Table is the lifecycle of client-facing actions in Actions order, for
// the spec and docs: generated from the same rules Next applies, so the
// two cannot drift.
func Table() []Row {
	var out []Row
	for _, a := range Actions() {
		r, _ := ruleOf(a)
		out = append(out, Row{Action: a, From: append([]string(nil), r.from...), To: r.to, Computed: computed(a)})
	}
	return out
}
