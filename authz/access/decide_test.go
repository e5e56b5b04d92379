package access

import (
	"context"
	"fmt"
	"testing"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// grants is an Enforcer over literal (subject, obj:act, unit path) lines;
// a permission held at a unit covers every path below it, as in authz.
type grants map[string][]string

func (g grants) Enforce(subject, obj, act, path string) bool {
	for _, held := range g[subject+" "+obj+":"+act] {
		if len(path) >= len(held) && path[:len(held)] == held {
			return true
		}
	}
	return false
}

// kindOf names the outcome: "ok", or the problem kind of the refusal.
func kindOf(err error) string {
	if err == nil {
		return "ok"
	}
	if e, ok := apperr.As(err); ok {
		return fmt.Sprint(e.Kind)
	}
	return "other"
}

func kind(k apperr.Kind) string { return fmt.Sprint(k) }

func TestDecideModes(t *testing.T) {
	g := grants{
		"u:1 proposal:read":    {"s1/c4/g9/"},
		"u:1 proposal:cosign":  {"s1/c4/g9/"},
		"u:2 proposal:accept":  {"s1/c4/"},
		"u:3 list_item:read":   {"s1/c5/"},
		"u:4 list_item:update": {"s1/"},
		"u:5 tenant:create":    {""},
	}
	d := NewDecider(g, nil)
	resident := &viewer.Viewer{Subject: "u:1", UserID: 1, Scopes: []string{"s1/c4/g9/"}}
	lead := &viewer.Viewer{Subject: "u:2", UserID: 2, Scopes: []string{"s1/c4/"}}
	sibling := &viewer.Viewer{Subject: "u:3", UserID: 3, Scopes: []string{"s1/c5/"}}
	admin := &viewer.Viewer{Subject: "u:4", UserID: 4, Scopes: []string{"s1/"}}
	stranger := &viewer.Viewer{Subject: "u:9", UserID: 9, Scopes: []string{"s2/"}}
	platform := &viewer.Viewer{Subject: "u:5", UserID: 5, Platform: true}
	neighbour := Target{Kind: "proposal", UnitPath: "s1/c4/g8/"}
	cases := []struct {
		name string
		who  *viewer.Viewer
		perm string
		t    Target
		mode Mode
		want string
	}{
		{"resident reads own grid", resident, "proposal:read", Target{Kind: "proposal", UnitPath: "s1/c4/g9/"}, Subtree, "ok"},
		{"subtree does not reach a neighbour grid: 404", resident, "proposal:read", neighbour, Subtree, kind(apperr.KindNotFound)},
		{"community-wide reaches the neighbour grid", resident, "proposal:cosign", neighbour, CommunityWide, "ok"},
		{"community-wide stops at the community", resident, "proposal:read", Target{Kind: "proposal", UnitPath: "s1/c5/"}, CommunityWide, kind(apperr.KindNotFound)},
		{"visible row refused: 403, never 404", resident, "proposal:accept", Target{Kind: "proposal", UnitPath: "s1/c4/g8/", Visible: true}, Subtree, kind(apperr.KindForbidden)},
		{"inside scope without permission: 403", resident, "proposal:accept", Target{Kind: "proposal", UnitPath: "s1/c4/g9/"}, Subtree, kind(apperr.KindForbidden)},
		{"staff subtree", lead, "proposal:accept", neighbour, Subtree, "ok"},
		{"staff never upward: 404", lead, "proposal:accept", Target{Kind: "proposal", UnitPath: "s1/"}, Subtree, kind(apperr.KindNotFound)},
		{"tenant-wide from a sibling community", sibling, "list_item:read", Target{Kind: "list_item", UnitPath: "s1/"}, TenantWide, "ok"},
		{"tenant-wide: other tenant 404", stranger, "list_item:read", Target{Kind: "list_item", UnitPath: "s1/"}, TenantWide, kind(apperr.KindNotFound)},
		{"tenant root needs the root", sibling, "list_item:update", Target{Kind: "list_item", UnitPath: "s1/"}, TenantRoot, kind(apperr.KindForbidden)},
		{"tenant root held", admin, "list_item:update", Target{Kind: "list_item", UnitPath: "s1/"}, TenantRoot, "ok"},
		{"platform held", platform, "tenant:create", Target{}, Platform, "ok"},
		{"platform refused: 403", lead, "tenant:create", Target{}, Platform, kind(apperr.KindForbidden)},
		{"signed-in needs a viewer only", stranger, "", Target{}, SignedIn, "ok"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := viewer.NewContext(context.Background(), tc.who)
			if got := kindOf(d.Decide(ctx, Perm(tc.perm), tc.t, tc.mode)); got != tc.want {
				t.Fatalf("Decide = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDecideRefusesMissingAndSystemViewers(t *testing.T) {
	d := NewDecider(grants{}, nil)
	for name, ctx := range map[string]context.Context{
		"no viewer": context.Background(),
		"system":    viewer.SystemContext(context.Background()),
	} {
		if got := kindOf(d.Decide(ctx, Perm("unit:read"), Target{UnitPath: "s1/"}, SignedIn)); got != kind(apperr.KindUnauthorized) {
			t.Errorf("%s: Decide = %q, want unauthorized", name, got)
		}
	}
	if err := d.Decide(context.Background(), Permission{}, Target{}, Public); err != nil {
		t.Errorf("public route refused: %v", err)
	}
}

func TestDecideTokenScopesNarrowRoles(t *testing.T) {
	d := NewDecider(grants{"c:1 unit:read": {"s1/"}, "c:1 member:read": {"s1/"}}, nil)
	app := &viewer.Viewer{Subject: "c:1", ClientID: 1, Scopes: []string{"s1/"}, TokenScopes: []string{"unit:read"}}
	ctx := viewer.NewContext(context.Background(), app)
	if err := d.Decide(ctx, Perm("unit:read"), Target{UnitPath: "s1/c4/"}, Subtree); err != nil {
		t.Fatalf("scoped token refused its scope: %v", err)
	}
	if kindOf(d.Decide(ctx, Perm("member:read"), Target{UnitPath: "s1/c4/"}, Subtree)) != kind(apperr.KindForbidden) {
		t.Fatal("a token scope must narrow what the role grants")
	}
}

func TestDecidePredicatesAndAlternatives(t *testing.T) {
	d := NewDecider(grants{
		"u:1 proposal:withdraw": {"s1/c4/"},
		"u:2 proposal:withdraw": {"s1/c4/"},
		"u:2 proposal:read":     {"s1/c4/"},
	}, nil)
	author, other := 1, 2
	p := &ent.Proposal{AuthorID: &author}
	tg := Target{Kind: "proposal", UnitPath: "s1/c4/", Visible: true, Object: p}
	as := func(id int) context.Context {
		return viewer.NewContext(context.Background(), &viewer.Viewer{Subject: "u:" + string(rune('0'+id)), UserID: id, Scopes: []string{"s1/c4/"}})
	}
	if err := d.Decide(as(author), Perm("proposal:withdraw"), tg, Subtree, IsAuthor()); err != nil {
		t.Fatalf("author refused: %v", err)
	}
	if kindOf(d.Decide(as(other), Perm("proposal:withdraw"), tg, Subtree, IsAuthor())) != kind(apperr.KindForbidden) {
		t.Fatal("a non-author passed the author predicate")
	}
	// NotSelf is deferred: Decide skips it, Check applies it to the body's subject.
	self := tg
	self.SubjectUserID = other
	if err := d.Decide(as(other), Perm("proposal:read"), self, Subtree, NotSelf()); err != nil {
		t.Fatalf("deferred predicate applied by Decide: %v", err)
	}
	if kindOf(d.Check(as(other), NotSelf(), self)) != kind(apperr.KindForbidden) {
		t.Fatal("NotSelf let the caller act on themselves")
	}
	if d.Allowed(as(other), Rule{Perm: Perm("proposal:read"), Mode: Subtree, Preds: []Predicate{NotSelf()}}, self) {
		t.Fatal("Allowed ignored a deferred predicate")
	}
	// Or: the second rule grants what the first refuses.
	r := Rule{Perm: Perm("task:read"), Mode: Subtree, Or: &Rule{Perm: Perm("proposal:read"), Mode: CommunityWide}}
	if err := d.DecideRule(as(other), r, tg); err != nil {
		t.Fatalf("alternative rule not applied: %v", err)
	}
	if kindOf(d.DecideRule(as(author), r, tg)) != kind(apperr.KindForbidden) {
		t.Fatal("both rules refused, yet access was granted")
	}
}

func TestPermissionRoleHole(t *testing.T) {
	p := Perm("role_assignment:grant:" + RoleHole).For(Target{Grant: "lead"})
	if p.String() != "role_assignment:grant:lead" {
		t.Fatalf("For = %q", p)
	}
	if Perm("unit:read").For(Target{Grant: "lead"}).String() != "unit:read" {
		t.Fatal("For changed a permission without the placeholder")
	}
}

// TestUnsetModeDenies: a rule that forgot its mode is refused, never public.
func TestUnsetModeDenies(t *testing.T) {
	d := NewDecider(grants{}, nil)
	if d.Decide(context.Background(), Permission{}, Target{}, Unset) == nil {
		t.Fatal("a rule with no mode was allowed")
	}
}

// TestAllowedThroughAlternative: Allowed grants through Or, applying each
// rule's own deferred predicates.
func TestAllowedThroughAlternative(t *testing.T) {
	d := NewDecider(grants{"u:2 proposal:read": {"s1/c4/"}}, nil)
	ctx := viewer.NewContext(context.Background(), &viewer.Viewer{Subject: "u:2", UserID: 2, Scopes: []string{"s1/c4/"}})
	self := Target{Kind: "task", UnitPath: "s1/c4/", Visible: true, SubjectUserID: 2}
	r := Rule{Perm: Perm("task:read"), Mode: Subtree, Preds: []Predicate{NotSelf()},
		Or: &Rule{Perm: Perm("proposal:read"), Mode: CommunityWide}}
	if !d.Allowed(ctx, r, self) {
		t.Fatal("the alternative rule did not grant access")
	}
	r.Or.Preds = []Predicate{NotSelf()}
	if d.Allowed(ctx, r, self) {
		t.Fatal("the alternative's deferred predicate was ignored")
	}
}
