package access

import (
	"context"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// Predicate is a named relationship rule that a role alone does not
// settle: the caller is the author, is on the roll, is not the person
// being granted. Routes declare predicates by name; docs print the names.
type Predicate struct {
	// Name is the stable name docs/PERMISSIONS.md and the spec print.
	Name string
	// Doc says in one line what must be true.
	Doc string
	// Deferred predicates depend on the request body or on the target's
	// state, so Decide skips them and the handler calls Check once the body
	// is bound. The route still declares them, so the docs list them.
	Deferred bool
	holds    func(ctx context.Context, f Facts) (bool, error)
	refusal  func() error
}

// Facts is what a predicate may look at.
type Facts struct {
	Viewer  *viewer.Viewer
	Target  Target
	Client  *ent.Client
	Decider *Decider
}

func (p Predicate) check(ctx context.Context, f Facts) error {
	ok, err := p.holds(ctx, f)
	if err != nil {
		return err
	}
	if ok {
		return nil
	}
	if p.refusal != nil {
		return p.refusal()
	}
	return apperr.Forbidden(p.Doc)
}

// AnyOf holds when one of ps holds; name and doc describe the whole.
func AnyOf(name, doc string, ps ...Predicate) Predicate {
	return Predicate{Name: name, Doc: doc, holds: func(ctx context.Context, f Facts) (bool, error) {
		for _, p := range ps {
			ok, err := p.holds(ctx, f)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}}
}

// Refusing returns p with the error a failed check answers.
func (p Predicate) Refusing(err func() error) Predicate {
	p.refusal = err
	return p
}
