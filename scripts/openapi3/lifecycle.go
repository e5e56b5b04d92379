package main

import (
	"fmt"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"yishi/handlers"
	"yishi/internal/workflow"
)

// transitionPath is the operation whose description carries the table.
const transitionPath = "/v1/proposals/{id}/{action}"

// lifecycle appends the proposal lifecycle table (action, from, to, who)
// to the transition operation's description and makes its action
// parameter an enum, from internal/workflow and the route table, so the
// spec says what the server does instead of pointing at a design document.
func lifecycle(doc *openapi3.T, table []handlers.RouteAccess) error {
	item := doc.Paths.Value(transitionPath)
	if item == nil || item.Post == nil {
		return fmt.Errorf("%s: no POST operation for the lifecycle table", transitionPath)
	}
	who := map[string]handlers.RuleAccess{}
	for _, r := range table {
		if r.Method == "POST" && r.OpenAPIPath == transitionPath {
			for _, a := range r.Actions {
				who[a.Action] = a.Rule
			}
		}
	}
	var b strings.Builder
	b.WriteString("Lifecycle (generated from internal/workflow and the route table):\n\n")
	b.WriteString("| action | from | to | permission (roles) |\n|---|---|---|---|\n")
	var actions []any
	for _, row := range workflow.Table() {
		to := row.To
		if to == "" {
			to = row.Computed
		}
		rule := who[row.Action]
		perm := rule.Permission
		if len(rule.Predicates) > 0 {
			var names []string
			for _, p := range rule.Predicates {
				names = append(names, p.Name)
			}
			perm += "; " + strings.Join(names, ", ")
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s (%s) |\n", row.Action, strings.Join(row.From, ", "), to, perm, strings.Join(rule.Roles, ", "))
		actions = append(actions, row.Action)
	}
	op := item.Post
	op.Description = beforePermission(op.Description, strings.TrimRight(b.String(), "\n"))
	for _, p := range append(op.Parameters, item.Parameters...) {
		if p.Value != nil && p.Value.In == "path" && p.Value.Name == "action" && p.Value.Schema != nil && p.Value.Schema.Value != nil {
			p.Value.Schema.Value.Enum = actions
		}
	}
	return nil
}
