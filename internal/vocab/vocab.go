// Package vocab is the catalogue of Yishi's closed vocabularies: statuses,
// kinds, channels, identities and actions. Every enum column of the
// schema (ent/migrate.Tables, generated from ent/schema) is one
// vocabulary, named "<entity>.<field>"; the vocabularies that are not
// columns (the proposal and meeting actions, the identities a member
// holds) come from the typed tables of their packages. Validation in the
// HTTP layer and the spec's enums read the same catalogue, so a value
// added to a schema reaches both.
package vocab

import (
	"slices"
	"strings"
	"sync"

	"entgo.io/ent/schema/field"

	"yishi/ent/migrate"
	"yishi/internal/meetings"
	"yishi/internal/workflow"
)

// Vocabulary is one closed set of words the API speaks.
type Vocabulary struct {
	// Name is "<entity>.<field>" ("proposal.status", "proposal.action").
	Name string
	// Values are the words, in the schema's (or table's) order.
	Values []string
	// Doc says where the vocabulary is used.
	Doc string
}

// Catalogue returns every vocabulary, sorted by name. Each call returns
// fresh slices, so a caller cannot change the tables behind it.
func Catalogue() []Vocabulary {
	all := index()
	out := make([]Vocabulary, 0, len(all.names))
	for _, n := range all.names {
		v := all.byName[n]
		out = append(out, Vocabulary{Name: v.Name, Values: slices.Clone(v.Values), Doc: v.Doc})
	}
	return out
}

// Set is one vocabulary for validation: Has answers membership without
// building anything per call.
type Set struct {
	name   string
	values []string
}

// Of returns the vocabulary named name ("proposal.kind"). An unknown name
// is an empty set, so everything fails validation and tests catch it.
func Of(name string) Set {
	v := index().byName[name]
	return Set{name: name, values: v.Values}
}

// Has reports whether s holds word.
func (s Set) Has(word string) bool { return slices.Contains(s.values, word) }

// Values returns a copy of the words, in order.
func (s Set) Values() []string { return slices.Clone(s.values) }

// OneOf is the field-error message naming the words: "must be one of a, b".
func (s Set) OneOf() string { return "must be one of " + strings.Join(s.values, ", ") }

type catalogue struct {
	names  []string
	byName map[string]Vocabulary
}

// index builds the catalogue once; it is immutable afterwards (Catalogue
// and Set hand out copies or read only).
var index = sync.OnceValue(func() catalogue {
	c := catalogue{byName: map[string]Vocabulary{}}
	add := func(v Vocabulary) {
		if _, dup := c.byName[v.Name]; !dup {
			c.names = append(c.names, v.Name)
		}
		c.byName[v.Name] = v
	}
	for _, t := range migrate.Tables {
		for _, col := range t.Columns {
			if col.Type == field.TypeEnum {
				add(Vocabulary{Name: entityOf(t.Name) + "." + col.Name, Values: slices.Clone(col.Enums),
					Doc: "the " + col.Name + " column of " + t.Name})
			}
		}
	}
	for _, v := range typedTables() {
		add(v)
	}
	slices.Sort(c.names)
	return c
})

// typedTables are the vocabularies that are not enum columns.
func typedTables() []Vocabulary {
	return []Vocabulary{
		{Name: "proposal.action", Values: workflow.Actions(),
			Doc: "the actions of POST /v1/proposals/{id}/{action} (DESIGN.md §4)"},
		{Name: "meeting.action", Values: []string{meetings.Held, meetings.Cancel},
			Doc: "the actions of POST /v1/meetings/{id}/{action}"},
		{Name: "membership.identity", Values: meetings.Identities(),
			Doc: "the stakeholder identities a member holds; meetings and votes count participants by them"},
	}
}

// entityOf is the entity a table stores: ent names tables by the plural
// of the entity ("proposals", "list_items"); "minutes" is its own plural.
func entityOf(table string) string {
	if table == "minutes" {
		return table
	}
	return strings.TrimSuffix(table, "s")
}
