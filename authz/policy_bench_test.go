package authz

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"

	"yishi/ent"
	"yishi/internal/store"
	"yishi/internal/testdb"
	"yishi/internal/viewer"
)

// A realistic tree for the benchmarks: 20 tenants × 27 communities × 8
// grids, holding 100,000 assignments.
const (
	benchTenants     = 20
	benchCommunities = 27
	benchGrids       = 8
	benchAssignments = 100_000
	benchBulkChunk   = 1_000
)

// benchRequest is one Enforce question drawn from the seeded data.
type benchRequest struct {
	sub, obj, act, path string
	want                bool
}

// seedPolicyBench inserts the assignments (outside any timer) and returns
// one request per assignment, half of them allowed, in random order.
func seedPolicyBench(b *testing.B, st *store.Store) []benchRequest {
	b.Helper()
	ctx := viewer.SystemContext(context.Background())
	rows, reqs := benchAssignmentRows()
	for start := 0; start < len(rows); start += benchBulkChunk {
		chunk := rows[start:min(start+benchBulkChunk, len(rows))]
		builders := make([]*ent.RoleAssignmentCreate, len(chunk))
		for i, r := range chunk {
			builders[i] = st.Client.RoleAssignment.Create().SetSubject(r.subject).
				SetRole(r.role).SetDomain(r.domain).SetGrantedVersion(1)
		}
		if err := st.Client.RoleAssignment.CreateBulk(builders...).Exec(ctx); err != nil {
			b.Fatalf("seed assignments: %v", err)
		}
	}
	return reqs
}

// benchAssignmentRows lays out staff (platform and tenant admins, leads,
// reviewers, implementers, guides) and fills the rest with residents.
func benchAssignmentRows() ([]gLine, []benchRequest) {
	rng := rand.New(rand.NewPCG(1, 2))
	var rows []gLine
	var reqs []benchRequest
	add := func(role, domain, obj, act, allowedAt, deniedAt string) {
		sub := fmt.Sprintf("u:%d", len(rows)+1)
		rows = append(rows, gLine{sub, role, domain})
		at := allowedAt
		if rng.IntN(2) == 0 {
			at = deniedAt
		}
		reqs = append(reqs, benchRequest{sub, obj, act, at, at == allowedAt})
	}
	for range 5 {
		// Platform permissions reach every target: always allowed.
		add(RolePlatformAdmin, PlatformDomain, "tenant", "create", "", "")
	}
	var grids []string
	c, g := 0, 0
	for s := 1; s <= benchTenants; s++ {
		sp := fmt.Sprintf("s%d/", s)
		add(RoleTenantAdmin, sp, "unit", "create", sp, fmt.Sprintf("s%d/", s%benchTenants+1))
		add(RoleTenantAdmin, sp, "member", "read", sp, "")
		for range benchCommunities {
			c++
			cp := fmt.Sprintf("%sc%d/", sp, c)
			for _, role := range []string{RoleLead, RoleLead, RoleReviewer, RoleReviewer, RoleReviewer,
				RoleReviewer, RoleReviewer, RoleImplementer, RoleImplementer, RoleImplementer} {
				add(role, cp, "proposal", "read", cp+fmt.Sprintf("g%d/", g+1), sp)
			}
			for range benchGrids {
				g++
				gp := fmt.Sprintf("%sg%d/", cp, g)
				grids = append(grids, gp)
				add(RoleGuide, gp, "talent", "create", gp, cp)
				add(RoleGuide, gp, "proposal", "merge", gp, cp)
			}
		}
	}
	for i := 0; len(rows) < benchAssignments; i++ {
		gp := grids[i%len(grids)]
		add(RoleResident, gp, "vote", "ballot", gp, grids[(i+1)%len(grids)])
	}
	rng.Shuffle(len(reqs), func(i, j int) { reqs[i], reqs[j] = reqs[j], reqs[i] })
	return rows, reqs
}

// checkBenchAnswers makes sure the benchmark measures a correct policy.
func checkBenchAnswers(b *testing.B, p *Policy, reqs []benchRequest) {
	b.Helper()
	for _, r := range reqs {
		if got := p.Enforce(r.sub, r.obj, r.act, r.path); got != r.want {
			b.Fatalf("Enforce(%s, %s:%s, %q) = %v, want %v", r.sub, r.obj, r.act, r.path, got, r.want)
		}
	}
}

// BenchmarkPolicyLoad100k is a full Load of 100k assignments: what each
// instance does at start (requirement: under 1 s).
func BenchmarkPolicyLoad100k(b *testing.B) {
	st := testdb.Open(b)
	reqs := seedPolicyBench(b, st)
	p := openTestPolicy(b, st)
	checkBenchAnswers(b, p, reqs)
	ctx := context.Background()
	runtime.GC() // start from a clean heap, not the seeding's garbage
	for b.Loop() {
		if err := p.Load(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEnforce100k measures one check against 100k assignments
// (requirement: under 30 µs). cache=off is pure casbin over requests for
// 100k distinct subjects; cache=on repeats a hot set of 1,000 requests,
// as active users do.
func BenchmarkEnforce100k(b *testing.B) {
	st := testdb.Open(b)
	reqs := seedPolicyBench(b, st)
	run := func(b *testing.B, p *Policy, reqs []benchRequest) {
		checkBenchAnswers(b, p, reqs)
		runtime.GC()
		i := 0
		for b.Loop() {
			r := reqs[i%len(reqs)]
			p.Enforce(r.sub, r.obj, r.act, r.path)
			i++
		}
	}
	b.Run("cache=off", func(b *testing.B) {
		run(b, openTestPolicy(b, st, WithDecisionCache(0)), reqs)
	})
	b.Run("cache=on", func(b *testing.B) {
		run(b, openTestPolicy(b, st), reqs[:1000])
	})
	b.Run("cache=on/parallel", func(b *testing.B) {
		p := openTestPolicy(b, st)
		hot := reqs[:1000]
		checkBenchAnswers(b, p, hot)
		runtime.GC()
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			for i := 0; pb.Next(); i++ {
				r := hot[i%len(hot)]
				p.Enforce(r.sub, r.obj, r.act, r.path)
			}
		})
	})
}
