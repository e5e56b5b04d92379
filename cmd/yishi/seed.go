package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"yishi/authz"
	"yishi/ent"
	"yishi/ent/unit"
	"yishi/ent/user"
	"yishi/internal/lists"
	"yishi/internal/password"
	"yishi/internal/store"
	"yishi/internal/units"
	"yishi/internal/viewer"
)

// demoPassword is the password of every demo account; the seed is for
// local walkthroughs, never for production data.
const demoPassword = "yishi-demo-2026"

// demoPerson is one demo account and the role it holds.
type demoPerson struct {
	phone, name, role string
	unitCode          string // "" = the subdistrict
}

// seedCmd loads 胜利街道 (Shengli Subdistrict) from the article: two of its
// communities with two grids each, and the people who run them. It is
// idempotent: an existing tenant with code "shengli" is left alone.
func seedCmd(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	cfg, err := loadConfig(args, getenv)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	st, err := openStore(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer st.Close()
	sys := viewer.SystemContext(ctx)
	if ok, err := st.Client.Unit.Query().Where(unit.Code("shengli"), unit.ParentIDIsNil()).Exist(sys); err != nil || ok {
		if err == nil {
			_, err = fmt.Fprintln(out, "seed: tenant shengli already exists")
		}
		return err
	}
	policy, err := authz.NewPolicy(st.Client, st.DB, st.Dialect, logger)
	if err != nil {
		return err
	}
	if err := store.WithTx(sys, st.Client, func(tx *ent.Tx) error { return seedTenant(sys, tx, policy) }); err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	_, err = fmt.Fprintf(out, "seed: created 胜利街道 with demo accounts (password %q)\n", demoPassword)
	return err
}

func seedTenant(ctx context.Context, tx *ent.Tx, policy *authz.Policy) error {
	root, err := units.CreateTenant(ctx, tx, units.Input{Name: "胜利街道", Code: "shengli"})
	if err != nil {
		return err
	}
	if err := lists.SeedDefaults(ctx, tx, root); err != nil {
		return err
	}
	byCode := map[string]*ent.Unit{"": root}
	for _, c := range []units.Input{{Name: "锦华社区", Code: "jinhua"}, {Name: "胜宏社区", Code: "shenghong"}} {
		cu, err := units.CreateChild(ctx, tx, root, c)
		if err != nil {
			return err
		}
		byCode[c.Code] = cu
		for i := 1; i <= 2; i++ {
			g, err := units.CreateChild(ctx, tx, cu, units.Input{Name: fmt.Sprintf("%s第%d网格", c.Name, i), Code: fmt.Sprintf("%s-g%d", c.Code, i)})
			if err != nil {
				return err
			}
			byCode[g.Code] = g
		}
	}
	people := []demoPerson{
		{"13900000001", "街道管理员", authz.RoleTenantAdmin, ""},
		{"13900000002", "胜宏社区书记", authz.RoleLead, "shenghong"},
		{"13900000003", "议事会成员", authz.RoleReviewer, "shenghong"},
		{"13900000004", "网格员小王", authz.RoleGuide, "shenghong-g1"},
		{"13900000005", "李阿姨", authz.RoleResident, "jinhua-g1"},
	}
	h := password.NewHasher(password.DefaultParams())
	for _, p := range people {
		if err := seedPerson(ctx, tx, policy, h, p, byCode[p.unitCode]); err != nil {
			return err
		}
	}
	return nil
}

func seedPerson(ctx context.Context, tx *ent.Tx, policy *authz.Policy, h password.Hasher, p demoPerson, at *ent.Unit) error {
	u, err := tx.User.Query().Where(user.Phone(p.phone)).Only(ctx)
	if ent.IsNotFound(err) {
		hash, herr := h.Hash(demoPassword)
		if herr != nil {
			return herr
		}
		u, err = tx.User.Create().SetPhone(p.phone).SetName(p.name).SetPasswordHash(hash).Save(ctx)
	}
	if err != nil {
		return fmt.Errorf("demo user %s: %w", p.phone, err)
	}
	_, err = policy.WriteGrant(ctx, tx, authz.Grant{UserID: &u.ID, Role: p.role, Unit: at, Actor: "system"})
	return err
}
