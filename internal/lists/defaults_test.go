package lists_test

import (
	"strings"
	"testing"

	"yishi/ent/listitem"
	"yishi/internal/lists"
)

func TestDefaultsShape(t *testing.T) {
	count := map[listitem.Kind]int{}
	codes := map[string]bool{}
	for _, d := range lists.Defaults() {
		count[d.Kind]++
		if codes[d.Code] {
			t.Errorf("code %s repeats", d.Code)
		}
		codes[d.Code] = true
		for field, msg := range map[string]string{
			"code":        lists.ValidateCode(d.Code),
			"title":       lists.ValidateText(d.Title, lists.MaxTitleLen, true, false),
			"title_en":    lists.ValidateText(d.TitleEn, lists.MaxTitleLen, true, false),
			"description": lists.ValidateText(d.Description, lists.MaxDescriptionLen, true, true),
		} {
			if msg != "" {
				t.Errorf("%s %s %s", d.Code, field, msg)
			}
		}
		if msgs := lists.ValidateKeywords(d.Keywords, d.Kind); len(msgs) > 0 {
			t.Errorf("%s keywords: %v", d.Code, msgs)
		}
	}
	if count[listitem.KindEncouraged] != 6 || count[listitem.KindNegative] != 13 {
		t.Fatalf("defaults = %v, want 6 encouraged and 13 negative (the article's guidebook)", count)
	}
	for _, want := range []string{"建设", "整治", "安全"} {
		if !hasTitle(listitem.KindEncouraged, want) {
			t.Errorf("no encouraged category %s", want)
		}
	}
	for _, want := range []string{"私人纠纷", "仲裁", "违反法律法规和政策", "商业推广"} {
		if !hasTitle(listitem.KindNegative, want) {
			t.Errorf("no negative item about %s", want)
		}
	}
}

func hasTitle(kind listitem.Kind, part string) bool {
	for _, d := range lists.Defaults() {
		if d.Kind == kind && strings.Contains(d.Title, part) {
			return true
		}
	}
	return false
}

// TestDefaultsLeaveOrdinaryProposalsAlone screens everyday proposals, most
// of them the problems the article's pilot communities solved: none may
// trip the negative list.
func TestDefaultsLeaveOrdinaryProposalsAlone(t *testing.T) {
	for _, text := range []string{
		"楼道里安装爱心椅，方便老人上下楼歇脚",
		"爷爷接我放学回家，每次上楼梯都要歇一歇，如果能在楼梯安装个座椅就好了。",
		"老旧散弃管小区物业管理：请街道协调引入物业服务",
		"制定社区文明养宠公约，宠物粪便随手清理",
		"小区绿化补植，清理枯死的树木",
		"下水井堵塞，雨天污水倒灌，请尽快疏通",
		"巷道改造：路面坑洼，路灯不亮",
		"冬季供暖温度不达标，供水供电时常中断",
		"整治楼下违法停车和飞线充电的安全隐患",
		"组织邻里文化活动，传承非物质文化遗产，教会老人使用智能手机",
		"联名提议在小区门口加装电梯和无障碍坡道",
		"请商家参与周二说事，讨论早餐店门前垃圾分类",
	} {
		if codes := negativeCodes(lists.Screen(text, "", "E01", defaultItems())); len(codes) > 0 {
			t.Errorf("%q flagged %v", text, codes)
		}
	}
}
