package main

import (
	"fmt"
	"time"
)

// account is a registered user with a live access token. Tokens outlive
// a restart: the signing keys are in the data directory.
type account struct {
	id    int
	token string
}

// fixture is the tenant the load runs in: a community with one grid, its
// lead, a guide who files proposals, an implementer who reports progress
// on tasks, and residents of the grid who vote.
type fixture struct {
	community, grid int
	lead, guide     account
	implementer     account
	voters          []account
	tasks           []int
	phones          int
}

// setUp builds the fixture through the public API only, as an operator
// and the tenant's staff would.
func setUp(a *api, voters, tasks int) *fixture {
	a.t.Helper()
	f := &fixture{}
	platform := f.login(a, adminPhone, adminPassword)
	tenant := idOf(a.t, a.must("POST", "/v1/tenants", platform.token,
		map[string]string{"name": "压力街道", "code": "crash"}, 201), "id")
	admin := f.register(a, "街道管理员")
	a.must("POST", unitURL(tenant, "/role-assignments"), platform.token,
		map[string]any{"user_id": admin.id, "role": "tenant_admin"}, 201)
	f.community = idOf(a.t, a.must("POST", unitURL(tenant, "/children"), admin.token,
		map[string]string{"name": "锦华社区", "code": "jinhua"}, 201), "id")
	f.grid = idOf(a.t, a.must("POST", unitURL(f.community, "/children"), admin.token,
		map[string]string{"name": "锦华一网格", "code": "jh-g1"}, 201), "id")
	f.lead = f.withRole(a, admin, "社区书记", "lead", f.community)
	f.guide = f.withRole(a, admin, "网格员", "guide", f.grid)
	f.implementer = f.withRole(a, f.lead, "物业老周", "implementer", f.community)
	for i := 0; i < voters; i++ {
		v := f.register(a, fmt.Sprintf("居民%d", i))
		a.must("POST", unitURL(f.grid, "/members"), f.lead.token,
			map[string]any{"user_id": v.id, "identities": []string{"resident"}}, 201)
		f.voters = append(f.voters, v)
	}
	for i := 0; i < tasks; i++ {
		f.tasks = append(f.tasks, f.deliveringTask(a, i))
	}
	return f
}

// register creates a user through /v1/auth/register, with a code the
// server delivered to the test SMS inbox, and signs them in.
func (f *fixture) register(a *api, name string) account {
	a.t.Helper()
	f.phones++
	phone := fmt.Sprintf("137%08d", f.phones)
	a.must("POST", "/v1/auth/codes", "", map[string]string{"phone": phone, "purpose": "register"}, 202)
	a.must("POST", "/v1/auth/register", "", map[string]string{"phone": phone, "password": "password-" + phone,
		"name": name, "code": a.sms.code(a.t, phone), "privacy_notice_version": "2026-11"}, 201)
	acc := f.login(a, phone, "password-"+phone)
	// Registration names no id (issue 15): /v1/me does.
	acc.id = idOf(a.t, a.must("GET", "/v1/me", acc.token, nil, 200), "id")
	return acc
}

func (f *fixture) login(a *api, phone, password string) account {
	a.t.Helper()
	tok := a.must("POST", "/v1/auth/login", "", map[string]string{"phone": phone, "password": password}, 200)
	s, ok := tok["access_token"].(string)
	if !ok {
		a.t.Fatalf("login answered %v", tok)
	}
	return account{token: s}
}

// withRole registers a person and has by grant them role at unit.
func (f *fixture) withRole(a *api, by account, name, role string, unit int) account {
	a.t.Helper()
	p := f.register(a, name)
	a.must("POST", unitURL(unit, "/role-assignments"), by.token, map[string]any{"user_id": p.id, "role": role}, 201)
	return p
}

// deliveringTask carries a proposal to implementing with one task
// assigned to the implementer, so progress reports are accepted.
func (f *fixture) deliveringTask(a *api, i int) int {
	a.t.Helper()
	pid := idOf(a.t, a.must("POST", unitURL(f.grid, "/proposals"), f.guide.token, letter(fmt.Sprintf("交付%d", i)), 201), "id")
	a.must("POST", proposalURL(pid, "/submit"), f.guide.token, nil, 200)
	for _, step := range []string{"accept", "schedule"} {
		a.must("POST", proposalURL(pid, "/"+step), f.lead.token, nil, 200)
	}
	a.must("POST", proposalURL(pid, "/decide"), f.lead.token, map[string]any{"outcome": "approved", "note": "通过"}, 200)
	task := idOf(a.t, a.must("POST", proposalURL(pid, "/tasks"), f.lead.token, map[string]any{
		"title": fmt.Sprintf("安装折叠椅%d", i), "assignee_id": f.implementer.id,
		"due_at": time.Now().Add(30 * 24 * time.Hour).UTC().Format(time.RFC3339)}, 201), "id")
	a.must("POST", proposalURL(pid, "/start"), f.lead.token, nil, 200)
	return task
}

// openVote creates and opens a members vote at the community; every
// voter of the fixture is on its roll.
func (f *fixture) openVote(a *api, title string) (vote int, options []int) {
	a.t.Helper()
	v := a.must("POST", unitURL(f.community, "/votes"), f.lead.token, map[string]any{
		"title": title, "method": "single", "options": []string{"楼道转角", "单元门口"}, "eligibility": "members"}, 201)
	for _, o := range v["options"].([]any) {
		options = append(options, idOf(a.t, o.(map[string]any), "id"))
	}
	vote = idOf(a.t, v, "id")
	a.must("POST", voteURL(vote, "/open"), f.lead.token, nil, 200)
	return vote, options
}

// letter is a mailbox proposal a guide enters for a resident.
func letter(title string) map[string]any {
	return map[string]any{"title": title, "kind": "individual", "channel": "mailbox",
		"body": "楼道转角希望放几把椅子，让老人上下楼可以坐下歇脚。", "author_name": "小明家长", "author_phone": "13812341234"}
}

func unitURL(id int, suffix string) string     { return fmt.Sprintf("/v1/units/%d%s", id, suffix) }
func proposalURL(id int, suffix string) string { return fmt.Sprintf("/v1/proposals/%d%s", id, suffix) }
func voteURL(id int, suffix string) string     { return fmt.Sprintf("/v1/votes/%d%s", id, suffix) }
func taskURL(id int, suffix string) string     { return fmt.Sprintf("/v1/tasks/%d%s", id, suffix) }
